/**
 * A real S3-compatible object store for local recording: versitygw (Apache-2.0),
 * a gateway that stores objects as plain files (`posix` backend), bound to
 * 127.0.0.1. Egress uploads recordings to it and the app signs GET links for
 * it exactly as it does for AWS S3 (server/livekit/recording-storage.ts).
 * Built once with `go install` into ~/.cache/halaqa (go-binary.ts).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import { startDaemon, waitUntil, type Daemon } from './daemon';
import { findOrBuildInCache } from './go-binary';
import { freePort } from './ports';

export const VERSITYGW_VERSION = 'v1.8.0';

export function findOrBuildVersitygw(log?: (l: string) => void) {
  return findOrBuildInCache(
    {
      name: 'versitygw',
      version: VERSITYGW_VERSION,
      goArgs: () => ['install', `github.com/versity/versitygw/cmd/versitygw@${VERSITYGW_VERSION}`],
      env: { CGO_ENABLED: '0', GONOSUMDB: 'github.com/versity' },
    },
    log,
  );
}

export interface RunningObjectStore {
  /** http://127.0.0.1:PORT: the S3 endpoint (path-style addressing). */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secret: string;
  region: string;
  /** Where objects live as files: DATA/bucket/key. */
  dataDir: string;
  daemon: Daemon;
  stop(): Promise<void>;
}

export async function startVersitygw(o: { binary: string; workDir: string; bucket: string; accessKey: string; secret: string; port?: number }): Promise<RunningObjectStore> {
  const workDir = path.resolve(o.workDir);
  const dataDir = path.join(workDir, 'data');
  const metaDir = path.join(workDir, 'meta');
  await fsp.mkdir(dataDir, { recursive: true });
  await fsp.mkdir(metaDir, { recursive: true });
  const port = o.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const region = 'us-east-1';
  const daemon = await startDaemon({
    name: 'versitygw',
    command: o.binary,
    // --sidecar keeps object metadata in files beside the data (no xattr support needed from the filesystem).
    args: ['--port', `127.0.0.1:${port}`, 'posix', '--sidecar', metaDir, dataDir],
    env: { ...process.env, ROOT_ACCESS_KEY: o.accessKey, ROOT_SECRET_KEY: o.secret },
    logFile: path.join(workDir, 'versitygw.log'),
  });
  const s3 = new AwsClient({ accessKeyId: o.accessKey, secretAccessKey: o.secret, service: 's3', region });
  await waitUntil(daemon, 'S3 answer', async () => {
    const res = await s3.fetch(`${endpoint}/`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
  });
  const created = await s3.fetch(`${endpoint}/${o.bucket}`, { method: 'PUT' });
  const answer = await created.text();
  if (!created.ok && !/BucketAlreadyOwnedByYou/.test(answer)) {
    await daemon.stop();
    throw new Error(`versitygw: creating bucket ${o.bucket} failed: HTTP ${created.status} ${answer}`);
  }
  return { endpoint, bucket: o.bucket, accessKey: o.accessKey, secret: o.secret, region, dataDir, daemon, stop: () => daemon.stop() };
}
