/**
 * Starts the app's production build the way a user would (scripts/dev.ts
 * --production: embedded Postgres, local livekit-server) as a local
 * production trial (scripts/infra/trial-env.ts: its own secrets, the demo
 * academy seeded with a password of its own) on free ports and a fresh data
 * folder, for benchmarks that measure over HTTP. The build must hold the
 * benchmarks' ceiling routes (HALAQA_BENCH_ROUTES=1); it is rebuilt if not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/scripts/infra/ports';
import { localTrialEnv } from '@/scripts/infra/trial-env';

export interface ProductionApp {
  baseUrl: string;
  databaseUrl: string;
  secrets: { authSecret: string; cronSecret: string; livekitKey: string; livekitSecret: string };
  /** The demo users' password in this run. */
  demoPassword: string;
  stop(): Promise<void>;
}

export async function startProductionApp(log: (line: string) => void = () => {}): Promise<ProductionApp> {
  if (!existsSync('.next/BUILD_ID') || !existsSync('.next/server/app/api/bench')) {
    log('building the production app with the bench routes (HALAQA_BENCH_ROUTES=1 next build)…');
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HALAQA_BENCH_ROUTES: '1' } });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-bench-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const lkPort = await freePort();
  const trial = localTrialEnv();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', '--production'], {
    env: {
      ...process.env,
      ...trial,
      PORT: String(port),
      HALAQA_DATA_DIR: dataDir,
      HALAQA_PG_PORT: String(pgPort),
      HALAQA_LIVEKIT_PORT: String(lkPort),
      APP_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited while starting:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the app did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  log(`app up at ${baseUrl}`);
  return {
    baseUrl,
    databaseUrl: `postgres://halaqa:halaqa@127.0.0.1:${pgPort}/halaqa`,
    secrets: { authSecret: trial.AUTH_SECRET!, cronSecret: trial.CRON_SECRET!, livekitKey: trial.LIVEKIT_API_KEY!, livekitSecret: trial.LIVEKIT_API_SECRET! },
    demoPassword: trial.HALAQA_DEMO_PASSWORD!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
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
