/**
 * The local recording stack beside a livekit-server that uses `redis`
 * (docs/operations.md "Recording locally"): the S3-compatible store
 * (versitygw) and the egress worker with its PulseAudio. Started by the dev
 * script with HALAQA_RECORDING=1, by the browser tests, and by the
 * integration tests' global setup. `appEnv` is what the app needs to record
 * there (the LIVEKIT_RECORDING_* variables).
 */
import path from 'node:path';
import { findOrBuildEgress, startEgressWorker, type RunningEgress } from './egress';
import { findOrBuildVersitygw, startVersitygw, type RunningObjectStore } from './versitygw';

export const RECORDING_BUCKET = 'halaqa-recordings';
/** Local recordings: Opus (Debian's GStreamer has no AAC encoder), small and light for two cores. */
export const LOCAL_RECORDING_ENCODING = { LIVEKIT_RECORDING_AUDIO_CODEC: 'opus', LIVEKIT_RECORDING_VIDEO: '640x360@15' } as const;

export interface RecordingStack {
  objectStore: RunningObjectStore;
  egress: RunningEgress;
  appEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startRecordingStack(o: {
  workDir: string;
  redisAddress: string;
  livekit: { wsUrl: string; apiKey: string; apiSecret: string };
  /** The store's keys (loopback only; any pair will do). */
  storeKeys: { accessKey: string; secret: string };
  restartEgressOnCrash?: boolean;
  log?: (line: string) => void;
}): Promise<RecordingStack> {
  const [versitygw, egressBinary] = await Promise.all([findOrBuildVersitygw(o.log), findOrBuildEgress(o.log)]);
  if ('error' in versitygw) throw new Error(versitygw.error);
  if ('error' in egressBinary) throw new Error(egressBinary.error);
  const objectStore = await startVersitygw({ binary: versitygw.path, workDir: path.join(o.workDir, 'objects'), bucket: RECORDING_BUCKET, ...o.storeKeys });
  let egress: RunningEgress;
  try {
    egress = await startEgressWorker({
      binary: egressBinary.path,
      workDir: path.join(o.workDir, 'egress'),
      redisAddress: o.redisAddress,
      livekit: o.livekit,
      restartOnCrash: o.restartEgressOnCrash,
    });
  } catch (error) {
    await objectStore.stop();
    throw error;
  }
  return {
    objectStore,
    egress,
    appEnv: {
      LIVEKIT_RECORDING_S3_BUCKET: objectStore.bucket,
      LIVEKIT_RECORDING_S3_ENDPOINT: objectStore.endpoint,
      LIVEKIT_RECORDING_S3_REGION: objectStore.region,
      LIVEKIT_RECORDING_S3_ACCESS_KEY: objectStore.accessKey,
      LIVEKIT_RECORDING_S3_SECRET: objectStore.secret,
      ...LOCAL_RECORDING_ENCODING,
    },
    stop: async () => {
      await egress.stop();
      await objectStore.stop();
    },
  };
}
