/**
 * Builds a Go program once per machine into the per-user cache
 * (~/.cache/halaqa/<name>-<version>/<name>), for the local recording stack:
 * the egress worker and versitygw (scripts/infra/egress.ts, versitygw.ts).
 * Like livekit-server (livekit.ts): a lock file keeps parallel processes
 * from building at once, the build goes to a private folder and is renamed
 * into place, so nobody ever runs half a binary. Never throws: {error} says
 * why there is no binary.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { acquireLock, isExecutable } from './go-binary';
import { onExitSync } from './shutdown';

export interface GoProgram {
  /** The binary's name in the cache (and what it is started as). */
  name: string;
  version: string;
  /** The `go` arguments; they must leave a binary named `name` in `outDir`. */
  goArgs(outDir: string): string[];
  /** Working directory of the build (a module of our own), if any. */
  cwd?: string;
  env: Record<string, string>;
}

export function goCacheDir(name: string, version: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'halaqa', `${name}-${version}`);
}

function runGo(program: GoProgram, outDir: string, log: (l: string) => void): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tail: string[] = [];
    const onLine = (line: string) => {
      if (!line.trim()) return;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      log(`[${program.name} build] ${line}`);
    };
    const child = spawn('go', program.goArgs(outDir), {
      cwd: program.cwd,
      env: { ...process.env, ...program.env, GOBIN: outDir },
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
    const heartbeat = setInterval(() => log(`[${program.name} build] still compiling… ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
    const finish = (result: { ok: true } | { ok: false; reason: string }) => {
      clearInterval(heartbeat);
      stopKill();
      if (result.ok) log(`[${program.name} build] done in ${Math.round((Date.now() - started) / 1000)} s`);
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: `could not run go: ${error.message}` }));
    child.on('close', (code, signal) =>
      finish(code === 0 ? { ok: true } : { ok: false, reason: `go ${program.goArgs(outDir)[0]} failed (${signal ?? `exit code ${code}`}):\n${tail.join('\n')}` }),
    );
  });
}

export async function findOrBuildGoProgram(program: GoProgram, log: (l: string) => void = () => {}): Promise<{ path: string } | { error: string }> {
  const dir = goCacheDir(program.name, program.version);
  const target = path.join(dir, program.name);
  try {
    if (isExecutable(target)) return { path: target };
    await fsp.mkdir(dir, { recursive: true });
    const release = await acquireLock(path.join(dir, '.build.lock'), program.name, log);
    try {
      if (isExecutable(target)) return { path: target };
      const go = spawnSync('go', ['version'], { encoding: 'utf8' });
      if (go.error || go.status !== 0) {
        return { error: `${program.name} ${program.version} is not built yet and Go is not available to build it (${go.error?.message ?? go.stderr.trim()})` };
      }
      log(`[${program.name}] building ${program.version} with ${go.stdout.trim()} (once per machine)`);
      const outDir = await fsp.mkdtemp(path.join(dir, '.build-'));
      try {
        const result = await runGo(program, outDir, log);
        if (!result.ok) return { error: `building ${program.name} failed: ${result.reason}` };
        const built = path.join(outDir, program.name);
        if (!fs.existsSync(built)) return { error: `the ${program.name} build succeeded but ${built} is missing` };
        await fsp.rename(built, target);
        return { path: target };
      } finally {
        await fsp.rm(outDir, { recursive: true, force: true });
      }
    } finally {
      release();
    }
  } catch (error) {
    return { error: `could not provide ${program.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
