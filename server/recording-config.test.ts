import { describe, expect, it } from 'vitest';
import { recordingEncoding, resolveRecordingStorage } from './recording-config';

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
      encoding: { audioCodec: 'aac' },
    });
    const { LIVEKIT_RECORDING_S3_REGION: _region, ...noRegion } = full;
    expect(resolveRecordingStorage({ ...noRegion, LIVEKIT_RECORDING_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toMatchObject({
      ok: true,
      s3: { region: undefined, endpoint: 'http://127.0.0.1:9000' },
    });
  });
});

describe('recordingEncoding', () => {
  it('is egress’s default (AAC, its own size) unless the variables say otherwise', () => {
    expect(recordingEncoding({})).toEqual({ audioCodec: 'aac' });
    expect(recordingEncoding({ LIVEKIT_RECORDING_AUDIO_CODEC: 'OPUS', LIVEKIT_RECORDING_VIDEO: '640x360@15' })).toEqual({ audioCodec: 'opus', width: 640, height: 360, framerate: 15 });
    expect(recordingEncoding({ LIVEKIT_RECORDING_VIDEO: '1280x720' })).toEqual({ audioCodec: 'aac', width: 1280, height: 720 });
  });
});
