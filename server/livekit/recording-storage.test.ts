import { describe, expect, it } from 'vitest';
import { recordingDownloadUrl, recordingFilePath, recordingMediaOrigin, recordingObjectKey } from './recording-storage';

describe('recordingMediaOrigin', () => {
  it('is where the signed links point: the endpoint, or the bucket’s AWS host', () => {
    expect(recordingMediaOrigin({ bucket: 'b', accessKey: 'a', secret: 's', region: undefined, endpoint: 'http://127.0.0.1:9000/' })).toBe('http://127.0.0.1:9000');
    expect(recordingMediaOrigin({ bucket: 'rec', accessKey: 'a', secret: 's', region: 'eu-west-1', endpoint: undefined })).toBe('https://rec.s3.eu-west-1.amazonaws.com');
  });
});

describe('recordingFilePath', () => {
  it('puts academy, room (with the session id) and start time in the key, without colons', () => {
    expect(recordingFilePath({ academySlug: 'itqan-academy', roomName: 'itqan-academy-quran-session-42', startedAt: new Date('2026-11-23T20:15:07.123Z') })).toBe(
      'itqan-academy/itqan-academy-quran-session-42/2026-11-23T20-15-07Z.mp4',
    );
  });
});

describe('recordingDownloadUrl', () => {
  const aws = { bucket: 'examplebucket', accessKey: 'AKIAIOSFODNN7EXAMPLE', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', endpoint: undefined };

  it('signs exactly as AWS’s own presigned-URL example (SigV4 query signing)', async () => {
    const url = await recordingDownloadUrl(aws, 'test.txt', { expiresSeconds: 86_400, datetime: '20130524T000000Z' });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      // The signature AWS documents for this request ("Authenticating Requests: Using Query Parameters").
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    });
  });

  it('addresses S3-compatible services path-style at their endpoint, other AWS regions by their host, and escapes the key', async () => {
    const minio = await recordingDownloadUrl({ ...aws, bucket: 'halaqa', endpoint: 'http://127.0.0.1:9000/', region: undefined }, 'itqan/r 1/ä.mp4');
    expect(minio).toMatch(/^http:\/\/127\.0\.0\.1:9000\/halaqa\/itqan\/r%201\/%C3%A4\.mp4\?X-Amz-Expires=3600&/);
    expect(new URL(minio).searchParams.get('X-Amz-Credential')).toMatch(/\/us-east-1\/s3\/aws4_request$/);
    const frankfurt = await recordingDownloadUrl({ ...aws, region: 'eu-central-1' }, 'a.mp4');
    expect(new URL(frankfurt).host).toBe('examplebucket.s3.eu-central-1.amazonaws.com');
  });
});

describe('recordingObjectKey', () => {
  const s3 = { bucket: 'halaqa', accessKey: 'k', secret: 's', region: 'x', endpoint: undefined };
  it('prefers the key we asked for, else the key in an s3:// location of our bucket', () => {
    expect(recordingObjectKey(s3, { filePath: 'a/b.mp4', location: 's3://halaqa/other.mp4' })).toBe('a/b.mp4');
    expect(recordingObjectKey(s3, { filePath: null, location: 's3://halaqa/c/d.mp4' })).toBe('c/d.mp4');
    expect(recordingObjectKey(s3, { filePath: null, location: 's3://another/c/d.mp4' })).toBeNull();
    expect(recordingObjectKey(s3, { filePath: null, location: null })).toBeNull();
  });
});
