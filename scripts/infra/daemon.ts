/**
 * Runs one local helper server (versitygw, PulseAudio, the egress worker) as
 * a child process for the dev script and the tests: output appended to a log
 * file, the kernel kills it if we die (setpriv --pdeathsig), stopped on our
 * shutdown, and the whole process tree (the egress worker starts recorders,
 * which start Xvfb and Chromium in their own sessions) can be signalled.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { findOnPath } from './go-binary';
import { onExitSync, onShutdown } from './shutdown';

export interface Daemon {
  name: string;
  pid: number;
  logFile: string;
  running(): boolean;
  exited: Promise<void>;
  /** The last lines of its log, for error messages. */
  logTail(lines?: number): string;
  /** Signals it (and, with `tree`, everything it started), then SIGKILLs what is left after `graceMs`. */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<void>;
}

export interface DaemonOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
}

/** Every process below `pid` (children first found, then theirs), from /proc. Linux only; [] elsewhere. */
export function descendantsOf(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    try {
      // Field 4 of /proc/PID/stat is the parent; the command (field 2) may hold spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export async function startDaemon(o: DaemonOptions): Promise<Daemon> {
  await fsp.mkdir(path.dirname(o.logFile), { recursive: true });
  const fd = fs.openSync(o.logFile, 'a');
  const setpriv = process.platform === 'linux' ? findOnPath('setpriv') : null;
  const [command, args] = setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', o.command, ...o.args]] : [o.command, o.args];
  const child = spawn(command, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const error = await new Promise<Error | null>((resolve) => {
    child.once('error', resolve);
    child.once('spawn', () => resolve(null));
  });
  if (error) throw new Error(`could not run ${o.command}: ${error.message}`);

  const killTree = (signal: NodeJS.Signals) => {
    for (const pid of [...descendantsOf(child.pid!), child.pid!]) killQuietly(pid, signal);
  };
  const killOnExit = onExitSync(() => killTree('SIGKILL'));
  let stopping: Promise<void> | undefined;
  const stop = (options: { signal?: NodeJS.Signals; graceMs?: number } = {}) => {
    stopping ??= (async () => {
      unregister();
      const tree = descendantsOf(child.pid!);
      if (running()) child.kill(options.signal ?? 'SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), options.graceMs ?? 5_000).unref())]);
      // What it started and left behind (or everything, when it did not stop in time).
      for (const pid of [...tree, ...(graceful ? [] : [child.pid!])]) killQuietly(pid, 'SIGKILL');
      await exited;
      killOnExit();
    })();
    return stopping;
  };
  const unregister = onShutdown(() => stop());
  return {
    name: o.name,
    pid: child.pid!,
    logFile: o.logFile,
    running,
    exited,
    logTail: (lines = 30) => {
      try {
        return fs.readFileSync(o.logFile, 'utf8').split('\n').slice(-lines - 1).join('\n');
      } catch {
        return '';
      }
    },
    stop,
  };
}

/** Polls `check` until it is true; throws naming the daemon and its last log lines otherwise. */
export async function waitUntil(daemon: Daemon, what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!daemon.running()) throw new Error(`${daemon.name} exited before ${what}\n--- ${daemon.logFile} ---\n${daemon.logTail()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  await daemon.stop({ signal: 'SIGKILL' });
  throw new Error(`${daemon.name}: no ${what} after ${timeoutMs / 1000} s\n--- ${daemon.logFile} ---\n${daemon.logTail()}`);
}
