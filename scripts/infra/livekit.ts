/**
 * Finds (or builds) and starts a real LiveKit server bound to 127.0.0.1, for
 * the dev script and the integration/e2e tests: Halaqa's video meetings,
 * webhooks and room lifecycle are exercised against the real SFU, not a mock.
 *
 * Why it is built from source: there is no npm package for the server, and
 * `go install` of the pinned version is reproducible and needs no cgo. The
 * result is cached per version in ~/.cache/halaqa, so the (few minutes) build
 * happens once per machine; a lock file keeps parallel processes (the dev
 * script and a test run) from building at the same time. Without Go, or when
 * the build fails, findOrBuildLivekitServer returns {error} and the app runs
 * without video.
 *
 * The server's config is strict YAML: an unknown key stops the server.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { stringify } from 'yaml';
import { findOnPath, findOrBuildGoBinary, isExecutable } from './go-binary';
import { freePort } from './ports';
import { onExitSync, onShutdown } from './shutdown';

export const LIVEKIT_VERSION = 'v1.13.5';
const LIVEKIT_MODULE = 'github.com/livekit/livekit-server/cmd/server';
const BINARY_NAME = 'livekit-server';

export interface RunningLivekit {
  /** ws://127.0.0.1:PORT (what clients and the server SDK are given) */
  url: string;
  /** http://127.0.0.1:PORT (Twirp API, health check) */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
  port: number;
  rtcUdpPort: number;
  /** The YAML config written to workDir. */
  configPath: string;
  /** The server's process id (setpriv execs it, so the same pid). */
  pid: number;
  stop(): Promise<void>;
}

export interface StartLivekitOptions {
  binary: string;
  port?: number;
  rtcUdpPort?: number;
  apiKey: string;
  apiSecret: string;
  webhookUrls: string[];
  /**
   * Which of this machine's addresses carry ICE. 'loopback' (the default, what
   * the app runs with): 127.0.0.1 only, for browsers, which offer loopback
   * candidates (Chromium with --allow-loopback-in-peer-connection).
   * 'this-host': also the machine's own interface addresses, for
   * @livekit/rtc-node, whose WebRTC stack never gathers loopback candidates
   * and cannot reach a loopback-only server. Packets between two addresses of
   * one host still never leave it (the kernel routes them through lo).
   */
  iceAddresses?: 'loopback' | 'this-host';
  /** Server stdout+stderr are appended here; without it they go to our stdout/stderr. */
  logFile?: string;
  workDir: string;
}

const HEALTH_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------
// Finding / building the binary

/** `livekit-server --version` prints "livekit-server version 1.13.5". */
function binaryVersion(file: string): string | null {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) return null;
  return /version\s+v?(\S+)/.exec(result.stdout)?.[1] ?? null;
}

/** Adopts a binary named `server` left by a manual `GOBIN=<dir> go install`. */
function adoptManualBuild(dir: string, target: string, log: (l: string) => void): boolean {
  const manual = path.join(dir, 'server');
  if (!isExecutable(manual)) return false;
  const version = binaryVersion(manual);
  if (version !== LIVEKIT_VERSION.replace(/^v/, '')) {
    log(`[livekit] ignoring ${manual}: version ${version ?? 'unknown'}, want ${LIVEKIT_VERSION}`);
    return false;
  }
  fs.renameSync(manual, target);
  log(`[livekit] renamed earlier build ${manual} -> ${target}`);
  return true;
}

/**
 * Returns a livekit-server binary: from PATH, from the per-version cache dir,
 * or freshly built there with `go install` (once; scripts/infra/go-binary.ts).
 * Never throws: returns {error} when it cannot provide one.
 */
export function findOrBuildLivekitServer(log: (l: string) => void = () => {}): Promise<{ path: string } | { error: string }> {
  return findOrBuildGoBinary(
    { name: BINARY_NAME, cacheName: 'livekit', module: LIVEKIT_MODULE, version: LIVEKIT_VERSION, builtName: 'server', versionOf: binaryVersion, adopt: adoptManualBuild },
    log,
  );
}

// ---------------------------------------------------------------------------
// Running the server

/**
 * The server's config. Everything stays on 127.0.0.1:
 * - `bind_addresses` covers only the HTTP/signal port; the ICE/UDP socket
 *   would also bind the machine's other addresses without `rtc.interfaces`
 *   and `rtc.ips` limited to loopback (unless `iceAddresses` is 'this-host');
 * - the ICE/TCP listener binds every interface whatever the config, so it is
 *   off (`tcp_port: 0`); UDP on loopback is all local clients need;
 * - with no STUN server configured the server hands clients public ones
 *   (Google's, Twilio's) in the join response, and they try to reach them.
 *   So the one STUN server named is a loopback address where nothing answers
 *   UDP (the signal port, which is TCP): a client's query fails at once
 *   (port unreachable) and no packet leaves the machine. The server itself
 *   uses STUN only when it has no `node_ip`. Not the ICE/UDP port: a client
 *   sending STUN there confuses the server's mux and ICE never connects
 *   (measured with Chromium).
 * See docs/operations.md ("Local LiveKit").
 */
export function livekitConfigYaml(o: {
  port: number;
  rtcUdpPort: number;
  apiKey: string;
  apiSecret: string;
  webhookUrls: string[];
  iceAddresses?: 'loopback' | 'this-host';
}): string {
  const loopbackOnly = (o.iceAddresses ?? 'loopback') === 'loopback';
  return stringify({
    port: o.port,
    bind_addresses: ['127.0.0.1'],
    rtc: {
      node_ip: '127.0.0.1',
      enable_loopback_candidate: true,
      udp_port: o.rtcUdpPort,
      tcp_port: 0,
      use_external_ip: false,
      ...(loopbackOnly ? { interfaces: { includes: ['lo'] }, ips: { includes: ['127.0.0.1/32'] } } : {}),
      stun_servers: [`127.0.0.1:${o.port}`],
    },
    keys: { [o.apiKey]: o.apiSecret },
    webhook: { api_key: o.apiKey, urls: o.webhookUrls },
    room: { auto_create: false },
    logging: { level: 'info' },
  });
}

function readTail(file: string, lines: number): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '';
  }
}

async function waitHealthy(
  apiUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      return { ok: false, reason: `livekit-server exited (${child.signalCode ?? `code ${child.exitCode}`})` };
    }
    try {
      const res = await fetch(`${apiUrl}/`, { signal: AbortSignal.timeout(2_000) });
      await res.text().catch(() => '');
      if (res.status === 200) return { ok: true };
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ok: false, reason: `not healthy after ${timeoutMs / 1000} s (last: ${last})` };
}

function spawnCommand(binary: string, configPath: string): { command: string; args: string[] } {
  const args = ['--config', configPath];
  // On Linux, have the kernel kill the server if we die without cleaning up
  // (SIGKILL, OOM): otherwise it would keep its ports forever.
  if (process.platform === 'linux') {
    const setpriv = findOnPath('setpriv');
    if (setpriv) return { command: setpriv, args: ['--pdeathsig', 'KILL', '--', binary, ...args] };
  }
  return { command: binary, args };
}

async function startOnce(
  opts: StartLivekitOptions,
  ports: { port: number; rtcUdpPort: number },
): Promise<RunningLivekit> {
  const workDir = path.resolve(opts.workDir);
  await fsp.mkdir(workDir, { recursive: true });
  const configPath = path.join(workDir, 'livekit.yaml');
  await fsp.writeFile(configPath, livekitConfigYaml({ ...opts, ...ports }), { mode: 0o600 });

  const recent: string[] = [];
  let logFd: number | undefined;
  if (opts.logFile) {
    await fsp.mkdir(path.dirname(path.resolve(opts.logFile)), { recursive: true });
    logFd = fs.openSync(opts.logFile, 'a');
  }
  const { command, args } = spawnCommand(opts.binary, configPath);
  const child = spawn(command, args, {
    cwd: workDir,
    // With a log file the server writes to it directly; otherwise we pipe and
    // forward, keeping the last lines for error messages.
    stdio: logFd !== undefined ? ['ignore', logFd, logFd] : ['ignore', 'pipe', 'pipe'],
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  if (logFd === undefined) {
    const capture = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      target.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        recent.push(line);
        if (recent.length > 30) recent.shift();
      }
    };
    child.stdout?.on('data', capture(process.stdout));
    child.stderr?.on('data', capture(process.stderr));
  }
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const killOnExit = onExitSync(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  const apiUrl = `http://127.0.0.1:${ports.port}`;
  const health = await Promise.race([
    waitHealthy(apiUrl, child, HEALTH_TIMEOUT_MS),
    spawnError.then((error) => ({ ok: false as const, reason: `could not run ${opts.binary}: ${error.message}` })),
  ]);
  if (!health.ok) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
    killOnExit();
    const logs = opts.logFile ? readTail(opts.logFile, 30) : recent.join('\n');
    throw new LivekitStartError(
      `livekit-server did not start on ${apiUrl}: ${health.reason}\n--- last log lines ---\n${logs}`,
      logs,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      if (child.exitCode === null && child.signalCode === null) {
        const wait = (ms: number) =>
          Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
        // First SIGTERM: graceful, but it waits for participants to leave.
        // Second: forced. SIGKILL when 5 s have passed.
        child.kill('SIGTERM');
        if (!(await wait(1_500))) {
          child.kill('SIGTERM');
          if (!(await wait(3_500))) {
            child.kill('SIGKILL');
            await wait(5_000);
          }
        }
      }
      killOnExit();
    })();
    return stopping;
  };
  const unregister = onShutdown(stop);

  return {
    url: `ws://127.0.0.1:${ports.port}`,
    apiUrl,
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    ...ports,
    configPath,
    pid: child.pid!,
    stop,
  };
}

class LivekitStartError extends Error {
  constructor(
    message: string,
    readonly logs: string,
  ) {
    super(message);
  }
}

/**
 * Writes the config to workDir, starts livekit-server and resolves once
 * `GET /` answers 200. Ports not given are picked free (and re-picked once
 * if another process grabbed one before the server bound it).
 */
export async function startLivekitServer(opts: StartLivekitOptions): Promise<RunningLivekit> {
  for (let attempt = 1; ; attempt++) {
    const picked = new Set<number>();
    const pick = async (given: number | undefined, ...args: Parameters<typeof freePort>) => {
      if (given !== undefined) return given;
      const port = await freePort(...args);
      picked.add(port);
      return port;
    };
    const ports = {
      port: await pick(opts.port),
      // The ICE/UDP socket binds loopback only (see livekitConfigYaml).
      rtcUdpPort: await pick(opts.rtcUdpPort, { protocol: 'udp' }),
    };
    try {
      return await startOnce(opts, ports);
    } catch (error) {
      // Another process grabbed a port we picked between probe and bind: pick again.
      const clash = error instanceof LivekitStartError ? /:(\d+): bind: address already in use/i.exec(error.logs) : null;
      if (!clash || attempt >= 3 || !picked.has(Number(clash[1]))) throw error;
    }
  }
}
