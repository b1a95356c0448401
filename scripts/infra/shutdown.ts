/**
 * Process-shutdown hooks for the dev script and test setups that start real
 * servers (Postgres, LiveKit) as child processes.
 *
 * Why: a Ctrl-C / SIGTERM of the parent must not leave those servers running
 * (they would keep ports and, for Postgres, lock the data directory). Node's
 * default on SIGINT/SIGTERM is to die without running any cleanup, so
 * `onShutdown(fn)` installs signal handlers that run every registered async
 * cleanup once (last registered first, bounded by a timeout) and then exit
 * with 128+signal. A second signal while cleaning up exits at once.
 * `onExitSync(fn)` covers plain `process.exit()` / crashes: only synchronous
 * work is possible there (e.g. `child.kill()`).
 */

export type Cleanup = () => unknown;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HandledSignal = (typeof SIGNALS)[number];
const SIGNAL_NUMBERS: Record<HandledSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** How long cleanups may take in total before we exit anyway. */
const CLEANUP_TIMEOUT_MS = 15_000;

const cleanups: Cleanup[] = [];
const exitFns = new Set<() => void>();
const ownListeners = new Set<(...args: unknown[]) => void>();
let signalsInstalled = false;
let exitInstalled = false;
let shuttingDown: Promise<void> | null = null;

function onSignal(signal: HandledSignal): void {
  const code = 128 + SIGNAL_NUMBERS[signal];
  if (shuttingDown) {
    // Second Ctrl-C: the user does not want to wait.
    process.stderr.write(`\n[shutdown] ${signal} again, exiting without waiting for cleanup\n`);
    runExitFns();
    process.exit(code);
  }
  void shutdownAndExit(code);
}

function installSignalHandlers(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const signal of SIGNALS) {
    const listener = () => onSignal(signal);
    ownListeners.add(listener);
    process.on(signal, listener);
  }
}

function runExitFns(): void {
  for (const fn of [...exitFns]) {
    try {
      fn();
    } catch {
      // best effort: we are exiting anyway
    }
  }
  exitFns.clear();
}

function installExitHandler(): void {
  if (exitInstalled) return;
  exitInstalled = true;
  const listener = () => runExitFns();
  ownListeners.add(listener);
  process.on('exit', listener);
}

/**
 * Registers an async cleanup run once when the process gets SIGINT, SIGTERM or
 * SIGHUP (or when `shutdownAndExit` is called). Cleanups run one after the
 * other, last registered first. Returns a function that unregisters it (call
 * it when you already cleaned up normally).
 */
export function onShutdown(fn: Cleanup): () => void {
  installSignalHandlers();
  cleanups.push(fn);
  return () => {
    const index = cleanups.lastIndexOf(fn);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/**
 * Registers a synchronous last-resort action run on process 'exit' (normal
 * exit, process.exit(), uncaught exception) and before a forced exit. Use it
 * to SIGKILL/SIGINT child processes. Returns an unregister function.
 */
export function onExitSync(fn: () => void): () => void {
  installExitHandler();
  exitFns.add(fn);
  return () => {
    exitFns.delete(fn);
  };
}

/** Runs all registered cleanups (once; later calls return the same promise). */
export function runShutdown(): Promise<void> {
  if (!shuttingDown) {
    shuttingDown = (async () => {
      const work = (async () => {
        while (cleanups.length > 0) {
          const fn = cleanups.pop()!;
          try {
            await fn();
          } catch (error) {
            process.stderr.write(`[shutdown] cleanup failed: ${String(error)}\n`);
          }
        }
      })();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          process.stderr.write(`[shutdown] cleanup took over ${CLEANUP_TIMEOUT_MS} ms, giving up\n`);
          resolve();
        }, CLEANUP_TIMEOUT_MS);
        timer.unref();
      });
      await Promise.race([work, timeout]);
      clearTimeout(timer);
    })();
  }
  return shuttingDown;
}

/** Runs all cleanups, then exits the process with `code`. */
export async function shutdownAndExit(code: number): Promise<never> {
  await runShutdown();
  runExitFns();
  process.exit(code);
}

/** @internal Lets postgres.ts tell our listeners apart from third-party ones. */
export function isOwnProcessListener(listener: unknown): boolean {
  return ownListeners.has(listener as (...args: unknown[]) => void);
}
