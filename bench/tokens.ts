/**
 * npm run bench:tokens — signed-in meeting.token requests over HTTP against
 * the production build, next to a bare route handler of the same app (the
 * framework's ceiling), at the same concurrency for the same time.
 *
 * It starts everything itself (scripts/dev.ts --production on free ports and
 * a fresh data folder; `next build` first when the build is missing or older
 * than the sources), puts one circle of students in the database through
 * the factories, has the teacher start the meeting, signs the students in
 * through next-auth's credentials flow, then measures. Token requests are
 * spread over enough users that the rate limit (TOKEN_RATE_LIMIT per user per
 * window) is never what it measures: the load generator keeps each user under
 * the limit and reports any wait for budget and any 429.
 *
 * Variables: BENCH_SECONDS (20), BENCH_CONCURRENCY (32), BENCH_MAX_USERS (4000),
 * BENCH_PROFILE (a folder: the app's processes write V8 CPU profiles there).
 */
import { readdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, type DbHandle } from '@/server/db';
import { TOKEN_RATE_LIMIT } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser, DEFAULT_TEST_PASSWORD } from '@/server/seed/factories';
import { startProductionApp } from './lib/production-app';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const MAX_USERS = Number(process.env.BENCH_MAX_USERS ?? 4000);
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
const WARM_USERS = 64;
const WARM_SECONDS = 3;
/** Room over the bare route's rate when sizing the user pool (runs vary). */
const USER_HEADROOM = 1.15;
/**
 * The generator's per-user budget per window: one below the limit, because a
 * request sent in a window's last instant may be counted by the server in the
 * next one (round-robin over more users than connections keeps that to one
 * request per user).
 */
const PER_USER_BUDGET = TOKEN_RATE_LIMIT.limit - 1;
const WINDOW_MS = TOKEN_RATE_LIMIT.windowSeconds * 1000;

const log = (line: string) => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------- the app (bench/lib/production-app.ts)

/** SIGUSR2 to every app process that loaded bench/cpu-profile-hook.mjs: start, then stop and write. */
function toggleProfiles(): void {
  if (!PROFILE_DIR) return;
  for (const name of readdirSync(PROFILE_DIR)) {
    const pid = Number(/^pid-(\d+)$/.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGUSR2');
    } catch {
      // that process is gone
    }
  }
}

// ---------------------------------------------------------------- sign-in

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/** next-auth's credentials flow, as the sign-in form does it: the session cookie(s) it sets. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiePairs(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl, json: 'true' }),
  });
  await response.arrayBuffer();
  const session = cookiePairs(response).filter((c) => c.startsWith('next-auth.session-token'));
  if (session.length === 0) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return session.join('; ');
}

async function signInAll(baseUrl: string, emails: string[], concurrency = 8): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await signIn(baseUrl, emails[i]!, DEFAULT_TEST_PASSWORD);
      }
    }),
  );
  return cookies;
}

// ---------------------------------------------------------------- load

interface Spec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface RunResult {
  label: string;
  seconds: number;
  ok: number;
  errors: Record<string, number>;
  latenciesMs: Float64Array;
  budgetWaits: number;
}

function send(agent: http.Agent, baseUrl: URL, spec: Spec): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: baseUrl.hostname, port: baseUrl.port, method: spec.method, path: spec.path, headers: spec.body ? { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) } : spec.headers },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(spec.body);
  });
}

/** Hands each request to the next user with budget left in the current window, round-robin. */
class UserBudget {
  private window = -1;
  private used: Uint16Array;
  private cursor = 0;
  constructor(private users: number) {
    this.used = new Uint16Array(users);
  }
  /** More users signed in: the counts of the others stay, the server still has them. */
  grow(users: number): void {
    const used = new Uint16Array(users);
    used.set(this.used);
    this.used = used;
    this.users = users;
  }
  take(): number | null {
    const window = Math.floor(Date.now() / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.used.fill(0);
    }
    for (let i = 0; i < this.users; i++) {
      const user = (this.cursor + i) % this.users;
      if (this.used[user]! < PER_USER_BUDGET) {
        this.used[user]!++;
        this.cursor = user + 1;
        return user;
      }
    }
    return null;
  }
  msToNextWindow(): number {
    return WINDOW_MS - (Date.now() % WINDOW_MS) + 5;
  }
}

async function run(label: string, baseUrl: string, seconds: number, concurrency: number, specFor: () => Spec | number): Promise<RunResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  let budgetWaits = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const spec = specFor();
        if (typeof spec === 'number') {
          // Every user spent its budget: the rate limit would be what we measure. Wait, and say so.
          budgetWaits++;
          await new Promise((r) => setTimeout(r, Math.min(spec, deadline - performance.now())));
          continue;
        }
        const t0 = performance.now();
        try {
          const status = await send(agent, url, spec);
          latencies.push(performance.now() - t0);
          if (status === 200) ok++;
          else errors[String(status)] = (errors[String(status)] ?? 0) + 1;
        } catch (error) {
          const key = (error as NodeJS.ErrnoException).code ?? 'network';
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { label, seconds: elapsed, ok, errors, latenciesMs: Float64Array.from(latencies).sort(), budgetWaits };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describe(r: RunResult): string {
  const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  const detail = errors ? ` (${Object.entries(r.errors).map(([k, v]) => `${k}×${v}`).join(', ')})` : '';
  return `${r.label}: ${(r.ok / r.seconds).toFixed(0)}/s  p50 ${percentile(r.latenciesMs, 50).toFixed(1)} ms  p99 ${percentile(r.latenciesMs, 99).toFixed(1)} ms  errors ${errors}${detail}  (${r.ok} ok in ${r.seconds.toFixed(1)} s)`;
}

// ---------------------------------------------------------------- main

async function main() {
  const app = await startProductionApp({ log, seed: false, profileDir: PROFILE_DIR });
  let handle: DbHandle | undefined;
  const stop = async () => {
    await handle?.close().catch(() => {});
    await app.stop();
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const base = app.baseUrl;
    const sameOrigin = { origin: base, 'sec-fetch-site': 'same-origin' };

    handle = createDb(app.databaseUrl, { max: 8 });
    const db = handle.db;
    const t0 = performance.now();
    const academy = await createAcademy(db, { nameAr: 'أكاديمية القياس', nameEn: 'Bench Academy' });
    const teacher = await createUser(db, { academyId: academy.id, role: 'teacher', name: 'معلم القياس' });
    const students: { id: number; email: string }[] = [];
    for (let from = 0; from < MAX_USERS; from += 200) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(200, MAX_USERS - from) }, (_, i) => createUser(db, { academyId: academy.id, role: 'student', name: `طالب ${from + i + 1}` })),
      );
      students.push(...batch.map((s) => ({ id: s.id, email: s.email })));
    }
    const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: students.map((s) => s.id) });
    const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(), durationMinutes: 180 });
    log(`academy ${academy.slug}: 1 teacher, ${students.length} students in one circle, session ${session.id} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    const [teacherCookie] = await signInAll(base, [teacher.email], 1);
    const created = await fetch(`${base}/api/trpc/meeting.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: teacherCookie!, ...sameOrigin },
      body: JSON.stringify({ json: { sessionId: session.id } }),
    });
    if (created.status !== 200) throw new Error(`the teacher could not start the meeting: ${created.status} ${await created.text()}`);
    log('the teacher started the meeting');

    let t = performance.now();
    const cookies = await signInAll(base, students.slice(0, WARM_USERS).map((s) => s.email));
    log(`signed in ${cookies.length} students over HTTP (${((performance.now() - t) / 1000).toFixed(1)} s)`);

    const tokenBody = JSON.stringify({ json: { sessionId: session.id } });
    const first = await fetch(`${base}/api/trpc/meeting.token`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies[0]!, ...sameOrigin }, body: tokenBody });
    const firstBody = (await first.json()) as { result?: { data?: { json?: { token?: string } } } };
    if (first.status !== 200 || !firstBody.result?.data?.json?.token) throw new Error(`meeting.token does not answer a token: ${first.status} ${JSON.stringify(firstBody)}`);

    const bare: Spec = { method: 'GET', path: '/api/bench/constant', headers: {} };
    const budget = new UserBudget(cookies.length);
    const tokenSpec = (): Spec | number => {
      const user = budget.take();
      if (user === null) return budget.msToNextWindow();
      return { method: 'POST', path: '/api/trpc/meeting.token', headers: { 'content-type': 'application/json', cookie: cookies[user]!, ...sameOrigin }, body: tokenBody };
    };

    // Warm-up: lazily loaded route modules and JIT, and a first token rate.
    await run('warm-up bare', base, WARM_SECONDS, CONCURRENCY, () => bare);
    const warm = await run('warm-up token', base, WARM_SECONDS, CONCURRENCY, tokenSpec);
    const warmRate = warm.ok / warm.seconds;

    log(`measuring: ${CONCURRENCY} connections, ${SECONDS} s each`);
    const loadBefore = os.loadavg()[0]!;
    const bareRun = await run('bare route   GET /api/bench/constant   ', base, SECONDS, CONCURRENCY, () => bare);
    const bareRate = bareRun.ok / bareRun.seconds;

    // Enough users that none reaches the limit: a token request costs at least
    // what the bare route does, so users for the bare route's rate suffice.
    const sizingRate = bareRate * USER_HEADROOM;
    const needed = Math.min(MAX_USERS, Math.max(WARM_USERS, Math.ceil((sizingRate * SECONDS) / PER_USER_BUDGET)));
    log(`warm-up ${warmRate.toFixed(0)} tokens/s, bare ${bareRate.toFixed(0)}/s → ${needed} users, each under ${PER_USER_BUDGET} tokens per ${TOKEN_RATE_LIMIT.windowSeconds} s`);
    if (needed > cookies.length) {
      t = performance.now();
      cookies.push(...(await signInAll(base, students.slice(cookies.length, needed).map((s) => s.email))));
      budget.grow(cookies.length);
      log(`signed in ${cookies.length} students in all (${((performance.now() - t) / 1000).toFixed(1)} s more)`);
    }
    toggleProfiles();
    const tokenRun = await run('meeting.token POST /api/trpc/meeting.token', base, SECONDS, CONCURRENCY, tokenSpec);
    toggleProfiles();
    const loadAfter = os.loadavg()[0]!;

    const tokenRate = tokenRun.ok / tokenRun.seconds;
    const ratio = tokenRate / bareRate;
    const p99 = percentile(tokenRun.latenciesMs, 99);
    console.log('');
    console.log(describe(bareRun));
    console.log(describe(tokenRun));
    console.log(`users: ${cookies.length} signed in; waits for rate-limit budget: ${tokenRun.budgetWaits}; 429s: ${tokenRun.errors['429'] ?? 0}`);
    console.log(`ratio token/bare: ${ratio.toFixed(2)} (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'MISSED'}); token p99 ${p99.toFixed(1)} ms (target < 50 ms: ${p99 < 50 ? 'met' : 'MISSED'})`);
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; client and servers share it; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
    );
    if (tokenRun.budgetWaits > 0 || tokenRun.errors['429']) {
      console.log('WARNING: the rate limit shaped this run; raise BENCH_MAX_USERS');
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stop();
    log('stopped the app, PostgreSQL and LiveKit');
    if (PROFILE_DIR) log(`CPU profiles of the token run in ${PROFILE_DIR}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
