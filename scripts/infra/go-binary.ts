/**
 * Finds or builds (once, into the per-user cache ~/.cache/halaqa/<name>-<version>/)
 * the Go programs the local stack runs: livekit-server and Mailpit (`go install`,
 * found on PATH first), the egress worker (our own module) and versitygw.
 *
 * A lock file keeps parallel processes (the dev script and a test run) from
 * building at the same time; a lock whose holder is dead is taken over. The
 * build goes to a private folder and is renamed into place, so nobody ever
 * runs half a binary. Never throws: returns {error} when it cannot provide it.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { onExitSync } from './shutdown';

/** A build into the cache: the `go` arguments leave `builtName` (default: name) in outDir. */
export interface GoBuild {
  /** The binary's name in the cache (and what it is started as). */
  name: string;
  /** The cache folder's name before the version (default: name): ~/.cache/halaqa/<cacheName>-<version>/. */
  cacheName?: string;
  /** The pinned version, with its leading v. */
  version: string;
  goArgs(outDir: string): string[];
  /** The file the build produces, when not `name` (`go install` names it after the package path's last element). */
  builtName?: string;
  /** Working directory of the build (a module of our own), if any. */
  cwd?: string;
  env: Record<string, string>;
  /** A hook for an older manual build in the cache folder; returns true when it put the target in place. */
  adopt?(dir: string, target: string, log: (l: string) => void): boolean;
}

/** A server binary installed with `go install <module>@<version>` and looked for on PATH first. */
export interface GoBinary extends Pick<GoBuild, 'name' | 'cacheName' | 'version' | 'adopt'> {
  /** The Go package to install. */
  module: string;
  /** The file `go install` produces (the package path's last element). */
  builtName: string;
  /** Prints the binary's version, or null when it cannot tell. */
  versionOf?(file: string): string | null;
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
export async function acquireLock(lockFile: string, tag: string, log: (l: string) => void): Promise<() => void> {
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

function runGo(build: GoBuild, outDir: string, log: (l: string) => void): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tail: string[] = [];
    const onLine = (line: string) => {
      if (!line.trim()) return;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      log(`[${build.name} build] ${line}`);
    };
    const args = build.goArgs(outDir);
    const child = spawn('go', args, { cwd: build.cwd, env: { ...process.env, ...build.env, GOBIN: outDir }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const heartbeat = setInterval(() => log(`[${build.name} build] still compiling… ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
    const finish = (result: { ok: true } | { ok: false; reason: string }) => {
      clearInterval(heartbeat);
      stopKill();
      if (result.ok) log(`[${build.name} build] done in ${Math.round((Date.now() - started) / 1000)} s`);
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: `could not run go: ${error.message}` }));
    child.on('close', (code, signal) => finish(code === 0 ? { ok: true } : { ok: false, reason: `go ${args[0]} failed (${signal ?? `exit code ${code}`}):\n${tail.join('\n')}` }));
  });
}

/** The program from the per-version cache folder, or freshly built there (once; other processes wait on the lock). */
export async function findOrBuildInCache(build: GoBuild, log: (l: string) => void = () => {}): Promise<{ path: string } | { error: string }> {
  try {
    const dir = goBinaryCacheDir(build);
    const target = path.join(dir, build.name);
    if (isExecutable(target)) return { path: target };

    await fsp.mkdir(dir, { recursive: true });
    const release = await acquireLock(path.join(dir, '.build.lock'), build.name, log);
    try {
      // Someone may have finished while we waited for the lock.
      if (isExecutable(target)) return { path: target };
      if (build.adopt?.(dir, target, log)) return { path: target };

      const command = `go ${build.goArgs('<cache>').join(' ')}`;
      const go = spawnSync('go', ['version'], { encoding: 'utf8' });
      if (go.error || go.status !== 0) {
        return { error: `${build.name} ${build.version} is not built yet and Go is not available to build it (${go.error?.message ?? (go.stderr || go.stdout).trim()}; needs Go >= 1.26: ${command})` };
      }
      log(`[${build.name}] building ${build.version} with ${go.stdout.trim()} (once per machine)`);
      const outDir = await fsp.mkdtemp(path.join(dir, '.build-'));
      try {
        const result = await runGo(build, outDir, log);
        if (!result.ok) return { error: `building ${build.name} failed: ${result.reason}` };
        const built = path.join(outDir, build.builtName ?? build.name);
        if (!isExecutable(built)) return { error: `the ${build.name} build succeeded but ${built} is missing` };
        await fsp.rename(built, target);
        log(`[${build.name}] built ${target}`);
        return { path: target };
      } finally {
        await fsp.rm(outDir, { recursive: true, force: true });
      }
    } finally {
      release();
    }
  } catch (error) {
    return { error: `could not provide ${build.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The binary from PATH, else from (or built into) the cache with `CGO_ENABLED=0 go install`. */
export async function findOrBuildGoBinary(spec: GoBinary, log: (l: string) => void = () => {}): Promise<{ path: string } | { error: string }> {
  const onPath = findOnPath(spec.name);
  if (onPath) {
    const version = spec.versionOf?.(onPath);
    if (version && version !== spec.version.replace(/^v/, '')) {
      log(`[${spec.name}] using ${onPath} from PATH (version ${version}; Halaqa is tested with ${spec.version})`);
    }
    return { path: onPath };
  }
  return findOrBuildInCache({ ...spec, goArgs: () => ['install', `${spec.module}@${spec.version}`], env: { CGO_ENABLED: '0' } }, log);
}
