/**
 * Finds or builds (once, into the per-user cache) a server binary that has no
 * npm package and is installed with `go install`: livekit-server and Mailpit.
 *
 * Order: the binary on PATH, then ~/.cache/halaqa/<name>-<version>/<name>,
 * else `CGO_ENABLED=0 go install <module>@<version>` into a private folder
 * renamed into place, so nobody ever sees half a binary. A lock file keeps
 * parallel processes (the dev script and a test run) from building at the
 * same time; a lock whose holder is dead is taken over. Never throws:
 * returns {error} when it cannot provide the binary.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { onExitSync } from './shutdown';

export interface GoBinary {
  /** The command's name on PATH and in the cache folder. */
  name: string;
  /** The cache folder's name before the version (default: name): ~/.cache/halaqa/<cacheName>-<version>/. */
  cacheName?: string;
  /** The Go package to install. */
  module: string;
  /** The pinned version, with its leading v. */
  version: string;
  /** The file `go install` produces (the package path's last element). */
  builtName: string;
  /** Prints the binary's version, or null when it cannot tell. */
  versionOf?(file: string): string | null;
  /** A hook for an older manual build in the cache folder; returns true when it put the target in place. */
  adopt?(dir: string, target: string, log: (l: string) => void): boolean;
}

export function goBinaryCacheDir(spec: Pick<GoBinary, 'name' | 'cacheName' | 'version'>): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'halaqa', `${spec.cacheName ?? spec.name}-${spec.version}`);
}

export function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Exclusive-create lock file holding our pid. A lock whose pid is dead is
 * stale and taken over. Resolves with a release function.
 */
async function acquireLock(lockFile: string, tag: string, log: (l: string) => void): Promise<() => void> {
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const removeOnExit = onExitSync(() => release());
      const release = () => {
        if (released) return;
        released = true;
        removeOnExit();
        try {
          fs.rmSync(lockFile, { force: true });
        } catch {
          // ignore
        }
      };
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
    } catch {
      continue; // removed meanwhile: try again
    }
    if (!Number.isInteger(holder) || holder <= 0) {
      // Being written right now, or garbage: give the writer a moment.
      const age = Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > 5_000) fs.rmSync(lockFile, { force: true });
    } else if (!isAlive(holder)) {
      log(`[${tag}] removing stale build lock held by dead pid ${holder}`);
      fs.rmSync(lockFile, { force: true });
      continue;
    } else if (!announced) {
      announced = true;
      log(`[${tag}] another process (pid ${holder}) is building ${tag}; waiting for it`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

function runGoInstall(spec: GoBinary, gobin: string, log: (l: string) => void): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tail: string[] = [];
    const onLine = (line: string) => {
      if (!line.trim()) return;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      log(`[${spec.name} build] ${line}`);
    };
    const child = spawn('go', ['install', `${spec.module}@${spec.version}`], {
      env: { ...process.env, CGO_ENABLED: '0', GOBIN: gobin },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stopKill = onExitSync(() => child.kill('SIGKILL'));
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
      stream.on('end', () => onLine(buffered));
    }
    const heartbeat = setInterval(() => {
      log(`[${spec.name} build] still compiling… ${Math.round((Date.now() - started) / 1000)} s`);
    }, 15_000);
    const finish = (result: { ok: true } | { ok: false; reason: string }) => {
      clearInterval(heartbeat);
      stopKill();
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: `could not run go: ${error.message}` }));
    child.on('close', (code, signal) => {
      if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: `go install failed (${signal ?? `exit code ${code}`}):\n${tail.join('\n')}` });
    });
  });
}

/** The binary from PATH, from the per-version cache folder, or freshly built there (once; other processes wait on the lock). */
export async function findOrBuildGoBinary(spec: GoBinary, log: (l: string) => void = () => {}): Promise<{ path: string } | { error: string }> {
  try {
    const onPath = findOnPath(spec.name);
    if (onPath) {
      const version = spec.versionOf?.(onPath);
      if (version && version !== spec.version.replace(/^v/, '')) {
        log(`[${spec.name}] using ${onPath} from PATH (version ${version}; Halaqa is tested with ${spec.version})`);
      }
      return { path: onPath };
    }

    const dir = goBinaryCacheDir(spec);
    const target = path.join(dir, spec.name);
    if (isExecutable(target)) return { path: target };

    await fsp.mkdir(dir, { recursive: true });
    const release = await acquireLock(path.join(dir, '.build.lock'), spec.name, log);
    try {
      // Someone may have finished while we waited for the lock.
      if (isExecutable(target)) return { path: target };
      if (spec.adopt?.(dir, target, log)) return { path: target };

      const installCommand = `CGO_ENABLED=0 go install ${spec.module}@${spec.version}`;
      const go = spawnSync('go', ['version'], { encoding: 'utf8' });
      if (go.error) {
        return { error: `${spec.name} is not on PATH and Go is not installed (${go.error.message}), so it cannot be built (needs Go >= 1.26: ${installCommand}).` };
      }
      if (go.status !== 0) {
        return { error: `${spec.name} is not on PATH and \`go version\` failed: ${(go.stderr || go.stdout).trim()}` };
      }
      log(`[${spec.name}] building ${spec.name} ${spec.version} with ${go.stdout.trim()} (once)`);
      const gobin = await fsp.mkdtemp(path.join(dir, '.build-'));
      try {
        const result = await runGoInstall(spec, gobin, log);
        if (!result.ok) return { error: `building ${spec.name} failed: ${result.reason}` };
        const built = path.join(gobin, spec.builtName);
        if (!isExecutable(built)) return { error: `go install succeeded but ${built} is missing` };
        await fsp.rename(built, target);
        log(`[${spec.name}] built ${target}`);
        return { path: target };
      } finally {
        await fsp.rm(gobin, { recursive: true, force: true });
      }
    } finally {
      release();
    }
  } catch (error) {
    return { error: `could not provide ${spec.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
