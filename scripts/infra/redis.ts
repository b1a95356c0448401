/**
 * Starts Debian's `redis-server` (apt package redis-server) on a free
 * 127.0.0.1 port with a data folder of its own, for the LiveKit cluster tests:
 * two livekit-server nodes share one Redis (room → node map, node stats,
 * signalling relay). `npm run dev` stays single-node and needs no Redis.
 *
 * Why a wrapper: like the embedded PostgreSQL and livekit-server launchers
 * beside it, a test must get a server that listens only on loopback, on a
 * port nobody else uses (parallel worktrees), that dies with its parent
 * (setpriv --pdeathsig), that is stopped on Ctrl-C (./shutdown.ts), and that
 * can be restarted on the same port and folder (the "Redis restarted during
 * a class" fault). Persistence is an append-only file in the data folder, so
 * a restart keeps LiveKit's room → node map, as a production Redis would.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { freePort } from './ports';
import { onExitSync, onShutdown } from './shutdown';

export interface RunningRedis {
  /** 127.0.0.1:PORT, what livekit-server's `redis.address` takes */
  address: string;
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Sends one command and returns its reply as text (RESP simple/bulk/integer), or throws on an error reply. */
  command(...args: string[]): Promise<string | null>;
  /** Stops the server (SIGTERM: it writes its data and exits; SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Stops it and starts it again on the same port and data folder. */
  restart(): Promise<RunningRedis>;
}

export interface StartRedisOptions {
  /** Data folder (created); the append-only file and the log live here. */
  dataDir: string;
  port?: number;
  /** Default `redis-server` from PATH, then /usr/bin/redis-server. */
  binary?: string;
}

const START_TIMEOUT_MS = 15_000;

export const REDIS_INSTALL_HINT =
  "redis-server is missing: install Debian's package (apt-get install -y redis-server); .ci/run does this on a clean machine.";

/** The redis-server binary, or null when it is not installed. */
export function findRedisServer(): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin']) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}

function findSetpriv(): string | null {
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Encodes one command in RESP (arrays of bulk strings). */
function encode(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/**
 * Parses one RESP reply of the simple kinds a test needs: +simple, -error,
 * :integer, $bulk (or $-1 nil). Returns undefined while incomplete.
 */
function parseReply(buffer: Buffer): { value: string | null } | { error: string } | undefined {
  const lineEnd = buffer.indexOf('\r\n');
  if (lineEnd < 0) return undefined;
  const head = buffer.subarray(1, lineEnd).toString('utf8');
  const type = String.fromCharCode(buffer[0]!);
  switch (type) {
    case '+':
    case ':':
      return { value: head };
    case '-':
      return { error: head };
    case '$': {
      const length = Number(head);
      if (length < 0) return { value: null };
      const body = buffer.subarray(lineEnd + 2);
      if (body.length < length + 2) return undefined;
      return { value: body.subarray(0, length).toString('utf8') };
    }
    default:
      return { error: `unsupported reply type ${JSON.stringify(type)} (only simple replies are read here)` };
  }
}

/** One command over a fresh connection (tests send a handful; no client library needed for that). */
export function redisCommand(port: number, args: string[], timeoutMs = 3_000): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let buffer = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`redis 127.0.0.1:${port}: no answer to ${args[0]} within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const reply = parseReply(buffer);
      if (!reply) return;
      socket.end();
      if ('error' in reply) reject(new Error(`redis ${args[0]}: ${reply.error}`));
      else resolve(reply.value);
    });
    socket.write(encode(args));
  });
}

function readTail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '';
  }
}

async function startOnce(binary: string, dataDir: string, port: number): Promise<RunningRedis> {
  await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const logFile = path.join(dataDir, 'redis.log');
  const serverArgs = [
    '--bind', '127.0.0.1',
    '--port', String(port),
    '--protected-mode', 'yes',
    '--dir', dataDir,
    '--daemonize', 'no',
    '--logfile', logFile,
    // Durable enough to survive a restart (the fault test), cheap enough for tests.
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    // No Unix socket (nothing of ours uses one) and no pid file in /var/run.
    '--unixsocket', '',
    '--pidfile', '',
  ];
  const setpriv = process.platform === 'linux' ? findSetpriv() : null;
  const child: ChildProcess = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'KILL', '--', binary, ...serverArgs], { stdio: 'ignore' })
    : spawn(binary, serverArgs, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const killOnExit = onExitSync(() => {
    if (!hasExited()) child.kill('SIGKILL');
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer yet';
  let ready = false;
  let failure: string | undefined;
  void spawnError.then((error) => {
    failure = `could not run ${binary}: ${error.message}`;
  });
  while (!ready && !failure && Date.now() < deadline) {
    if (hasExited()) {
      failure = `redis-server exited (${child.signalCode ?? `code ${child.exitCode}`})`;
      break;
    }
    try {
      ready = (await redisCommand(port, ['PING'], 1_000)) === 'PONG';
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!ready) {
    if (!hasExited()) child.kill('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
    killOnExit();
    throw new Error(
      `redis-server did not start on 127.0.0.1:${port} (${dataDir}): ${failure ?? `not ready after ${START_TIMEOUT_MS / 1000} s (last: ${last})`}\n` +
        `--- last log lines ---\n${readTail(logFile, 20)}`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      if (!hasExited()) {
        const wait = (ms: number) =>
          Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
        child.kill('SIGTERM');
        if (!(await wait(10_000))) {
          child.kill('SIGKILL');
          await wait(5_000);
        }
      }
      killOnExit();
    })();
    return stopping;
  };
  const unregister = onShutdown(stop);

  return {
    address: `127.0.0.1:${port}`,
    url: `redis://127.0.0.1:${port}`,
    port,
    dataDir,
    pid: child.pid!,
    command: (...args: string[]) => redisCommand(port, args),
    stop,
    restart: async () => {
      await stop();
      return startOnce(binary, dataDir, port);
    },
  };
}

/**
 * Starts redis-server bound to 127.0.0.1 on `port` (default: a free one)
 * with `dataDir` as its folder, and resolves once it answers PING.
 * Throws with the install hint when redis-server is not installed.
 */
export async function startRedis(opts: StartRedisOptions): Promise<RunningRedis> {
  const binary = opts.binary ?? findRedisServer();
  if (!binary) throw new Error(REDIS_INSTALL_HINT);
  const dataDir = path.resolve(opts.dataDir);
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await startOnce(binary, dataDir, port);
    } catch (error) {
      // Another process took the port between the probe and the bind: pick again.
      const clash = /address already in use/i.test(String(error));
      if (!clash || opts.port !== undefined || attempt >= 3) throw error;
    }
  }
}
