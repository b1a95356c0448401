/**
 * `npm test`: every check in order — type check, lint, import rules, unit tests,
 * integration tests (real PostgreSQL + livekit-server), the production build,
 * and the browser tests (Debian's Chromium) — then one closing line
 * "N passed, N failed". Installs Chromium and redis-server with apt when they
 * are missing and we are root; the LiveKit server is built on first use (scripts/infra/livekit.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findRedisServer } from './infra/redis';

interface Step {
  name: string;
  command: string[];
  /** JSON report to count tests from. */
  report?: { file: string; kind: 'vitest' | 'playwright' };
}

process.env.NEXT_TELEMETRY_DISABLED = '1';

const steps: Step[] = [
  { name: 'type check', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  // docs/architecture.md#import-rules, as .dependency-cruiser.cjs states them.
  { name: 'import rules', command: ['npx', 'depcruise', 'app', 'components', 'i18n', 'shared', 'server', 'scripts', 'bench', 'e2e', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'] },
  {
    name: 'unit tests',
    command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    report: { file: 'test-results/unit.json', kind: 'vitest' },
  },
  {
    name: 'integration tests',
    command: ['npx', 'vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/integration.json'],
    report: { file: 'test-results/integration.json', kind: 'vitest' },
  },
  { name: 'production build', command: ['npx', 'next', 'build'] },
  { name: 'browser tests', command: ['npx', 'playwright', 'test'], report: { file: 'test-results/e2e-results.json', kind: 'playwright' } },
];

/** Debian's Chromium (browser tests) and redis-server (the LiveKit cluster test, scripts/infra/redis.ts). */
function ensureDebianPackages() {
  const missing = [
    existsSync('/usr/bin/chromium') ? null : 'chromium',
    findRedisServer() ? null : 'redis-server',
  ].filter((name): name is string => name !== null);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`Missing: ${missing.join(', ')}. Run 'sudo apt-get install -y ${missing.join(' ')}' (Debian's packages), then npm test again.`);
    process.exit(1);
  }
  console.log(`[test] installing Debian ${missing.join(', ')} (apt-get)…`);
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

function count(report: NonNullable<Step['report']>): { passed: number; failed: number } {
  if (!existsSync(report.file)) return { passed: 0, failed: 1 };
  const data = JSON.parse(readFileSync(report.file, 'utf8'));
  if (report.kind === 'vitest') {
    return { passed: data.numPassedTests ?? 0, failed: (data.numFailedTests ?? 0) + (data.numTodoTests ?? 0) + (data.numPendingTests ?? 0) };
  }
  const stats = data.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0) };
}

mkdirSync('test-results', { recursive: true });
ensureDebianPackages();
let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n[test] ▶ ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit', env: { ...process.env, NODE_ENV: step.name === 'production build' ? 'production' : 'test' } });
  const ok = result.status === 0;
  if (step.report) {
    const c = count(step.report);
    passed += c.passed;
    failed += c.failed + (ok || c.failed > 0 ? 0 : 1);
  } else if (!ok) {
    failed += 1;
  }
  if (!ok) failedSteps.push(step.name);
  console.log(`[test] ${ok ? '✔' : '✘'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
if (failedSteps.length) console.log(`\n[test] failed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
