/**
 * The local recording worker: LiveKit Egress v1.8.6 built from our own small
 * Go module (scripts/infra/egress-worker: a `main` over egress's public
 * packages), with the PulseAudio daemon it needs. v1.8.6 is pinned because it
 * is the newest egress whose module the Go proxy serves whole (README,
 * "Recording locally"). It builds with cgo against the system's GStreamer, so
 * it needs the Debian packages .ci/run installs.
 *
 * What the worker needs and gets here:
 * - Redis shared with livekit-server (start requests and state travel there);
 * - PulseAudio as a daemon with its own XDG_RUNTIME_DIR (each recording adds a
 *   null sink that Chromium plays into);
 * - the folder /home/egress/tmp, hard-coded in egress;
 * - its own binary on PATH as `egress`: the service starts every recording as
 *   a subprocess `egress run-handler`;
 * - CPU costs fit for two cores (the defaults refuse every request there);
 * - no health or template port (the first binds every interface, the second
 *   a fixed port; Halaqa serves its own layout page).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { descendantsOf, killQuietly, startDaemon, waitUntil, type Daemon } from './daemon';
import { findOrBuildInCache } from './go-binary';

export const EGRESS_VERSION = 'v1.8.6';
/** Hard-coded in egress (config.TmpDir): recordings are written here before the upload. */
export const EGRESS_TMP_DIR = '/home/egress/tmp';

const MODULE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'egress-worker');

export function findOrBuildEgress(log?: (l: string) => void) {
  return findOrBuildInCache(
    {
      name: 'egress',
      version: EGRESS_VERSION,
      cwd: MODULE_DIR,
      goArgs: (outDir) => ['build', '-o', path.join(outDir, 'egress'), '.'],
      // The checksum database is not reachable everywhere; go.sum (committed) pins every module.
      env: { CGO_ENABLED: '1', GONOSUMDB: 'github.com/livekit,github.com/go-gst', GOFLAGS: '-mod=mod' },
    },
    log,
  );
}

export interface EgressWorkerOptions {
  binary: string;
  workDir: string;
  redisAddress: string;
  livekit: { wsUrl: string; apiKey: string; apiSecret: string };
  /** Start the worker again when it dies (as a service manager would), e.g. in the dev script. */
  restartOnCrash?: boolean;
}

export interface RunningEgress {
  worker: Daemon;
  pulse: Daemon;
  /** The processes of running recordings (`egress run-handler`), for tests that make one die. */
  recorderPids(): number[];
  /** Stops the worker only (PulseAudio stays), as a crash or a redeploy would. */
  stopWorker(options?: { signal?: NodeJS.Signals }): Promise<void>;
  /** Starts the worker again after stopWorker. */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

export function egressConfigYaml(o: Omit<EgressWorkerOptions, 'binary' | 'workDir'>): string {
  return stringify({
    api_key: o.livekit.apiKey,
    api_secret: o.livekit.apiSecret,
    ws_url: o.livekit.wsUrl,
    redis: { address: o.redisAddress },
    health_port: 0,
    template_port: 0,
    logging: { level: 'info' },
    // Egress's defaults (4 CPUs for a room composite) refuse everything on a
    // two-core machine; a room composite measured about half a core here.
    cpu_cost: {
      max_cpu_utilization: 0.95,
      room_composite_cpu_cost: 0.5,
      audio_room_composite_cpu_cost: 0.25,
      web_cpu_cost: 0.5,
      audio_web_cpu_cost: 0.25,
      participant_cpu_cost: 0.5,
      track_composite_cpu_cost: 0.5,
      track_cpu_cost: 0.25,
    },
  });
}

function tmpDirProblem(): string | null {
  try {
    fs.mkdirSync(EGRESS_TMP_DIR, { recursive: true });
    fs.accessSync(EGRESS_TMP_DIR, fs.constants.W_OK);
    return null;
  } catch (error) {
    return `egress writes recordings to ${EGRESS_TMP_DIR} (hard-coded) and cannot use it: ${(error as Error).message}. Create it, writable for this user.`;
  }
}

async function startPulse(workDir: string, env: NodeJS.ProcessEnv): Promise<Daemon> {
  const pulse = await startDaemon({
    name: 'pulseaudio',
    command: 'pulseaudio',
    // -n: none of the desktop's default modules; just the local socket egress's pactl and Chromium use.
    args: ['--daemonize=no', '--exit-idle-time=-1', '--disallow-exit', '--use-pid-file=no', '-n', '--load=module-native-protocol-unix', '--log-target=stderr'],
    env,
    logFile: path.join(workDir, 'pulseaudio.log'),
  });
  await waitUntil(pulse, 'PulseAudio socket', async () => spawnSync('pactl', ['info'], { env, timeout: 3_000 }).status === 0, 15_000);
  return pulse;
}

export async function startEgressWorker(o: EgressWorkerOptions): Promise<RunningEgress> {
  const problem = tmpDirProblem();
  if (problem) throw new Error(problem);
  const workDir = path.resolve(o.workDir);
  const runtimeDir = path.join(workDir, 'runtime');
  await fsp.mkdir(runtimeDir, { recursive: true, mode: 0o700 });
  const configPath = path.join(workDir, 'egress.yaml');
  await fsp.writeFile(configPath, egressConfigYaml(o), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: runtimeDir,
    // The service starts recorders as `egress run-handler`.
    PATH: `${path.dirname(o.binary)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  delete env.PULSE_SERVER;

  const pulse = await startPulse(workDir, env);
  const logFile = path.join(workDir, 'egress.log');
  let worker: Daemon;
  let stopping = false;
  const launch = async () => {
    const from = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const started = await startDaemon({ name: 'egress', command: o.binary, args: ['--config', configPath], env, logFile });
    worker = started;
    await waitUntil(started, '"service ready"', async () => (await fsp.readFile(logFile, 'utf8')).slice(from).includes('service ready'), 30_000);
    if (o.restartOnCrash) {
      void started.exited.then(async () => {
        if (stopping || worker !== started) return;
        await fsp.appendFile(logFile, `\n[halaqa] egress worker exited; starting it again\n`);
        await new Promise((r) => setTimeout(r, 1_000));
        if (!stopping && worker === started) await launch().catch((error: unknown) => fsp.appendFile(logFile, `[halaqa] egress restart failed: ${String(error)}\n`));
      });
    }
  };
  try {
    await launch();
  } catch (error) {
    await pulse.stop();
    throw error;
  }
  return {
    get worker() {
      return worker;
    },
    pulse,
    recorderPids: () =>
      descendantsOf(worker.pid).filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[1] === 'run-handler';
        } catch {
          return false;
        }
      }),
    stopWorker: async (options = {}) => {
      stopping = true;
      if (options.signal === 'SIGKILL') {
        for (const pid of [...descendantsOf(worker.pid), worker.pid]) killQuietly(pid, 'SIGKILL');
      }
      await worker.stop({ signal: options.signal ?? 'SIGINT' });
    },
    restartWorker: async () => {
      stopping = false;
      await launch();
    },
    stop: async () => {
      stopping = true;
      // SIGINT: end running recordings now (SIGTERM would wait for them to finish).
      await worker.stop({ signal: 'SIGINT', graceMs: 10_000 });
      await pulse.stop();
    },
  };
}
