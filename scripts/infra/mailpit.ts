/**
 * Finds (or builds) and starts Mailpit, a real SMTP server with an HTTP API
 * and a web inbox, bound to 127.0.0.1: the local default for SMTP_URL, as the
 * embedded PostgreSQL and the local livekit-server are for theirs. The dev
 * script, the integration tests and the browser tests send real mail to it
 * and read it back through its API (server/testing/mailpit.ts).
 *
 * Built from source like livekit-server (go-binary.ts), because there is no
 * npm package for it. `--disable-version-check` keeps it from reaching for the
 * internet. A `go install` build has no web inbox JavaScript (`/dist/app.js`
 * 404s): read mail with `npm run mail -- inbox` or the API.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { findOnPath, findOrBuildGoBinary } from './go-binary';
import { freePort } from './ports';
import { onExitSync, onShutdown } from './shutdown';

export const MAILPIT_VERSION = 'v1.33.1';

/** Mailpit's regular expressions are Go's (no look-ahead), so the test server names what it accepts. */
const ACCEPTED_IN_TESTS = '(?i)[.](test|example|com|net|org|sa|localhost)$';

export interface RunningMailpit {
  /** smtp://127.0.0.1:PORT, what SMTP_URL is set to. */
  smtpUrl: string;
  /** http://127.0.0.1:PORT, the HTTP API (and web inbox in a release build). */
  apiUrl: string;
  smtpPort: number;
  httpPort: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartMailpitOptions {
  binary: string;
  smtpPort?: number;
  httpPort?: number;
  /** Keeps mail across restarts (the dev script); without it Mailpit uses a temporary database. */
  databaseFile?: string;
  /**
   * Accept only recipients in the usual and test top-level domains, refusing
   * (SMTP 550) everything else, e.g. `@refused.invalid`: how tests make a
   * permanently refused address.
   */
  refuseInvalidDomain?: boolean;
  /** Mailpit's stdout+stderr are appended here; without it they are dropped. */
  logFile?: string;
}

/** Builds (once, into ~/.cache/halaqa/mailpit-v1.33.1) or finds the mailpit binary. Never throws. */
export function findOrBuildMailpit(log: (l: string) => void = () => {}): Promise<{ path: string } | { error: string }> {
  return findOrBuildGoBinary({ name: 'mailpit', module: 'github.com/axllent/mailpit', version: MAILPIT_VERSION, builtName: 'mailpit' }, log);
}

async function waitReady(apiUrl: string, exited: () => boolean): Promise<string | null> {
  const deadline = Date.now() + 15_000;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited()) return 'mailpit exited';
    try {
      const res = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.text().catch(() => '');
      if (res.ok) return null;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return `not ready after 15 s (last: ${last})`;
}

/** Starts Mailpit on the given (or free) ports and resolves once its API answers. */
export async function startMailpit(opts: StartMailpitOptions): Promise<RunningMailpit> {
  const smtpPort = opts.smtpPort ?? (await freePort());
  const httpPort = opts.httpPort ?? (await freePort());
  const args = [
    '--listen', `127.0.0.1:${httpPort}`,
    '--smtp', `127.0.0.1:${smtpPort}`,
    '--disable-version-check',
    '--smtp-disable-rdns',
    // Tests keep every message they send; the dev inbox keeps the default 500.
    ...(opts.databaseFile ? ['--database', opts.databaseFile] : ['--max', '0']),
    ...(opts.refuseInvalidDomain ? ['--smtp-allowed-recipients', ACCEPTED_IN_TESTS] : []),
  ];
  if (opts.databaseFile) await fsp.mkdir(path.dirname(opts.databaseFile), { recursive: true });
  let logFd: number | undefined;
  if (opts.logFile) {
    await fsp.mkdir(path.dirname(path.resolve(opts.logFile)), { recursive: true });
    logFd = fs.openSync(opts.logFile, 'a');
  }
  // On Linux the kernel kills Mailpit if we die without cleaning up (as for livekit-server).
  const setpriv = process.platform === 'linux' ? findOnPath('setpriv') : null;
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'KILL', '--', opts.binary, ...args], { stdio: ['ignore', logFd ?? 'ignore', logFd ?? 'ignore'] })
    : spawn(opts.binary, args, { stdio: ['ignore', logFd ?? 'ignore', logFd ?? 'ignore'] });
  if (logFd !== undefined) fs.closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const killOnExit = onExitSync(() => {
    if (!hasExited()) child.kill('SIGKILL');
  });
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  const spawnError = new Promise<string>((resolve) => child.once('error', (e) => resolve(`could not run ${opts.binary}: ${e.message}`)));
  const problem = await Promise.race([waitReady(apiUrl, hasExited), spawnError]);
  if (problem) {
    if (!hasExited()) child.kill('SIGKILL');
    killOnExit();
    throw new Error(`Mailpit did not start on ${apiUrl} (SMTP ${smtpPort}): ${problem}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      unregister();
      if (!hasExited()) {
        child.kill('SIGTERM');
        const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 3_000).unref())]);
        if (!done) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      killOnExit();
    })();
    return stopping;
  };
  const unregister = onShutdown(stop);
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, apiUrl, smtpPort, httpPort, pid: child.pid!, stop };
}
