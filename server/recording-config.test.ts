import { describe, expect, it } from 'vitest';
import { resolveRecordingStorage } from './recording-config';

const full = {
  LIVEKIT_RECORDING_S3_BUCKET: 'halaqa-recordings',
  LIVEKIT_RECORDING_S3_REGION: 'eu-central-1',
  LIVEKIT_RECORDING_S3_ACCESS_KEY: 'AKIA…',
  LIVEKIT_RECORDING_S3_SECRET: 'shh',
};

describe('resolveRecordingStorage', () => {
  it('names every missing variable when nothing is set', () => {
    const storage = resolveRecordingStorage({});
    expect(storage.ok).toBe(false);
    if (storage.ok) return;
    expect(storage.missing).toEqual([
      'LIVEKIT_RECORDING_S3_BUCKET',
      'LIVEKIT_RECORDING_S3_ACCESS_KEY',
      'LIVEKIT_RECORDING_S3_SECRET',
      'LIVEKIT_RECORDING_S3_REGION or LIVEKIT_RECORDING_S3_ENDPOINT',
    ]);
    expect(storage.message).toBe(
      'Recording storage is not configured: set LIVEKIT_RECORDING_S3_BUCKET, LIVEKIT_RECORDING_S3_ACCESS_KEY, LIVEKIT_RECORDING_S3_SECRET, LIVEKIT_RECORDING_S3_REGION or LIVEKIT_RECORDING_S3_ENDPOINT',
    );
  });

  it('treats blank values as missing and names only what is missing', () => {
    const storage = resolveRecordingStorage({ ...full, LIVEKIT_RECORDING_S3_SECRET: '  ' });
    expect(storage).toMatchObject({ ok: false, missing: ['LIVEKIT_RECORDING_S3_SECRET'] });
  });

  it('accepts AWS (region) and S3-compatible services (endpoint without region)', () => {
    expect(resolveRecordingStorage(full)).toEqual({
      ok: true,
      s3: { bucket: 'halaqa-recordings', accessKey: 'AKIA…', secret: 'shh', region: 'eu-central-1', endpoint: undefined },
    });
    const { LIVEKIT_RECORDING_S3_REGION: _region, ...noRegion } = full;
    expect(resolveRecordingStorage({ ...noRegion, LIVEKIT_RECORDING_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toMatchObject({
      ok: true,
      s3: { region: undefined, endpoint: 'http://127.0.0.1:9000' },
    });
  });
});
