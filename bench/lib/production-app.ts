/**
 * The one starter of the benchmarks' app: the production build the way a
 * user runs it (scripts/dev.ts --production: embedded PostgreSQL, a local
 * livekit-server, the demo seed unless told otherwise) on free ports and a
 * fresh data folder, never someone else's database or LiveKit. The build is
 * made first when missing or older than the sources, since measuring stale
 * code would be a lie, and with the benchmarks' ceiling routes
 * (HALAQA_BENCH_ROUTES=1). It runs as a local production trial
 * (scripts/infra/trial-env.ts): secrets of its own, the demo academy seeded
 * with a password of its own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, isTcpPortFree } from '@/scripts/infra/ports';
import { PG_PASSWORD, PG_USER } from '@/scripts/infra/postgres';
import { localTrialEnv } from '@/scripts/infra/trial-env';

export interface ProductionApp {
  baseUrl: string;
  databaseUrl: string;
  secrets: { authSecret: string; cronSecret: string; livekitKey: string; livekitSecret: string };
  /** The demo users' password in this run. */
  demoPassword: string;
  /** The app's last log lines, for error messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** Seed the demo academy (default true); a bench that makes its own data says false. */
  seed?: boolean;
  /** Preload bench/cpu-profile-hook.mjs in the app, writing profiles here. */
  profileDir?: string | null;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** The newest source file the build is made from, to tell a stale build from a fresh one. */
function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // server/testing and server/seed feed tests and the seed, not the build.
        const rel = path.relative(root, full);
        if (rel !== path.join('server', 'testing') && rel !== path.join('server', 'seed')) visit(full);
      } else if (/\.(ts|tsx|css|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const { mtimeMs } = statSync(full);
        if (mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, full), mtimeMs };
      }
    }
  };
  for (const dir of ['app', 'components', 'server', 'shared']) if (existsSync(path.join(root, dir))) visit(path.join(root, dir));
  for (const file of ['next.config.ts', 'package-lock.json']) {
    const { mtimeMs } = statSync(path.join(root, file));
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/** `next build` when there is no build, or it predates the sources. */
function ensureBuild(log: (line: string) => void): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  let why: string | null = null;
  if (!existsSync(buildId)) why = 'no production build';
  else if (!existsSync(path.join(root, '.next/server/app/api/bench'))) why = 'the build has no bench routes';
  else {
    const newest = newestSource();
    if (newest.mtimeMs > statSync(buildId).mtimeMs) why = `${newest.file} is newer than the build`;
  }
  if (!why) return;
  log(`${why}: next build`);
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HALAQA_BENCH_ROUTES: '1' } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

/** LiveKit takes port, port+1 (RTC TCP) and port+2 (RTC UDP). */
async function livekitPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort({ protocol: 'both' });
    if ((await isTcpPortFree(port + 1)) && (await isTcpPortFree(port + 2))) return port;
  }
  throw new Error('no three consecutive free ports for livekit-server');
}

export async function startProductionApp(options: StartOptions = {}): Promise<ProductionApp> {
  const log = options.log ?? (() => {});
  ensureBuild(log);
  const [port, pgPort, lkPort] = [await freePort(), await freePort(), await livekitPort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-bench-'));
  const logFile = path.join(dataDir, 'app.log');
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HALAQA_DATA_DIR: dataDir,
    HALAQA_PG_PORT: String(pgPort),
    HALAQA_LIVEKIT_PORT: String(lkPort),
    HALAQA_SEED: options.seed === false ? '0' : '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // The bench owns every server it measures.
  for (const name of ['DATABASE_URL', 'LIVEKIT_URL', 'LIVEKIT_API_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'NEXTAUTH_URL', 'AUTH_SECRET']) delete env[name];
  env.APP_URL = baseUrl;
  const trial = localTrialEnv();
  Object.assign(env, { ...trial, HALAQA_SEED: env.HALAQA_SEED });
  if (options.profileDir) {
    mkdirSync(options.profileDir, { recursive: true });
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(root, 'bench', 'cpu-profile-hook.mjs')).href}`.trim();
    env.BENCH_PROFILE_DIR = options.profileDir;
  }
  const out = openSync(logFile, 'a');
  // Its own process group, so whatever it leaves behind can be stopped by that id.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/dev.ts', '--production'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  log(`app starting on port ${port} (PostgreSQL ${pgPort}, LiveKit ${lkPort}, data ${dataDir})`);

  const logTail = (lines = 40) => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
      if (!inTime) log('the app did not stop in 30 s; killing its process group');
    }
    try {
      // Anything of its group still alive (a server that ignored the shutdown).
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone: the normal case
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  // Healthy with video: every bench here talks to LiveKit.
  const deadline = Date.now() + 180_000;
  let last = '';
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${logTail()}`);
      // The details (video) are for the cron secret's holder.
      const body = await fetch(`${baseUrl}/api/health`, { headers: { authorization: `Bearer ${trial.CRON_SECRET}` } })
        .then((r) => r.json() as Promise<{ ok?: boolean; video?: boolean; videoUnavailableReason?: string }>)
        .catch((error: unknown) => ({ error: String(error) }));
      if ('ok' in body && body.ok && body.video) break;
      if ('ok' in body && body.ok && body.video === false) throw new Error(`video is unavailable: ${body.videoUnavailableReason}`);
      last = JSON.stringify(body);
      if (Date.now() > deadline) throw new Error(`the app did not become healthy (${last}):\n${logTail()}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log(`app up at ${baseUrl}`);
  return {
    baseUrl,
    databaseUrl: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/halaqa`,
    secrets: { authSecret: trial.AUTH_SECRET!, cronSecret: trial.CRON_SECRET!, livekitKey: trial.LIVEKIT_API_KEY!, livekitSecret: trial.LIVEKIT_API_SECRET! },
    demoPassword: trial.HALAQA_DEMO_PASSWORD!,
    logTail,
    stop,
  };
}

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

/** `connections` loops each send one request at a time for `seconds`; latency in ms. */
export async function runLoad(connections: number, seconds: number, send: (n: number) => Promise<number>): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const status = await send(n++);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 400) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), statuses };
}
