/**
 * npm run meetings -- <command> [--dry-run] [--academy SLUG|ID] [-v] [--json]
 *
 *   create-scheduled      open the rooms of sessions that are due one
 *   cleanup-expired       end rooms of sessions that are over; close stale sessions
 *   reconcile-attendance  repair attendance from LiveKit's live participant lists
 *   stats                 the meeting statistics
 *   prune-data            delete what is kept no longer (docs/operations.md#data-retention)
 *
 * The same sweep functions the cron routes run. Configuration as the app's:
 * DATABASE_URL and LIVEKIT_*; without DATABASE_URL it uses the local setup
 * `npm run dev` runs (embedded Postgres and livekit-server, secrets in
 * .data/secrets.json). Exit status: 0 all well, 1 something failed, 2 the
 * command could not run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import { createDb } from '@/server/db';
import { depsFor, type Deps } from '@/server/deps';
import { parseEnv, type Env } from '@/server/env';
import { DomainError } from '@/server/lib/domain-error';
import { LivekitUnavailableError } from '@/server/livekit/gateway';
import { getSweepStats, isSweepJob, runSweep, type SweepJob, type SweepProgress } from '@/server/modules/sweeps';
import { formatStats, formatSweepReport } from '@/server/modules/sweeps';
import { formatPruneReport, pruneData } from '@/server/modules/retention';
import { PG_PASSWORD, PG_USER } from './infra/postgres';

const USAGE = `Usage: npm run meetings -- <command> [options]

Commands:
  create-scheduled       create the rooms of scheduled sessions that are due
  cleanup-expired        end rooms of finished sessions; close sessions long past their end
  reconcile-attendance   repair attendance from LiveKit's live participants
  notify                 class reminders, absence/lateness notices, recordings ready, daily digests (every minute)
  stats                  meeting statistics
  prune-data             delete old event logs, ended meetings' commands, expired limits

Options:
  --dry-run              change nothing; report what a real run would do
  --academy SLUG|ID      only this academy
  -v, --verbose          every session and the reasons
  --json                 the report as JSON on stdout
  --now ISO-TIME         run as if it were this time (testing, replays)
  --concurrency N        sessions handled at once (default 12)
  -h, --help             this text`;

/** The command could not run; the message says why. */
class CliError extends Error {}
class UsageError extends CliError {}

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      academy: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
      now: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one command at a time, got: ${positionals.join(' ')}` : 'a command is required');
  const command = positionals[0]!;
  if (command !== 'stats' && command !== 'prune-data' && !isSweepJob(command)) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now is not a date: ${values.now}`);
  }
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be 1..64');
  }
  if (values.academy !== undefined && !values.academy.trim()) throw new UsageError('--academy needs a slug or an id');
  return { command, dryRun: values['dry-run'], academy: values.academy, verbose: values.verbose, json: values.json, now, concurrency };
}

/** The app's env rules; the local dev setup's addresses and secrets when DATABASE_URL is absent. */
function cliEnv(): { env: Env; source: string } {
  const source = { ...process.env };
  let origin = 'DATABASE_URL';
  if (!source.DATABASE_URL) {
    const dataDir = path.resolve(source.HALAQA_DATA_DIR ?? '.data');
    const secretsFile = path.join(dataDir, 'secrets.json');
    if (!existsSync(secretsFile)) {
      throw new CliError('DATABASE_URL is not set and there is no local setup (.data/secrets.json): set DATABASE_URL, or start `npm run dev` once');
    }
    const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as { livekitKey: string; livekitSecret: string; cronSecret: string };
    source.DATABASE_URL = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${source.HALAQA_PG_PORT ?? 54329}/halaqa`;
    source.APP_URL ??= `http://127.0.0.1:${source.PORT ?? 3000}`;
    if (!source.LIVEKIT_URL) {
      source.LIVEKIT_URL = `ws://127.0.0.1:${source.HALAQA_LIVEKIT_PORT ?? 7880}`;
      source.LIVEKIT_API_KEY = secrets.livekitKey;
      source.LIVEKIT_API_SECRET = secrets.livekitSecret;
    }
    origin = `the local setup in ${dataDir} (is \`npm run dev\` running?)`;
  }
  // The CLI signs no sessions; env.ts insists on AUTH_SECRET for the web app only.
  source.AUTH_SECRET ??= 'not-used-by-the-meetings-cli';
  return { env: parseEnv(source), source: origin };
}

function progressReporter(enabled: boolean) {
  let bar: cliProgress.SingleBar | null = null;
  return {
    onProgress(p: SweepProgress) {
      if (!enabled) return;
      if (!bar && p.total >= 20) {
        bar = new cliProgress.SingleBar(
          { format: `  ${p.job} [{bar}] {percentage}% | {value}/{total} sessions | {duration_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, 0);
      }
      bar?.update(p.done);
    },
    stop() {
      bar?.stop();
    },
  };
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const { env, source } = cliEnv();
  const handle = createDb(env.databaseUrl, { max: (args.concurrency ?? 12) + 4 });
  const deps: Deps = depsFor(handle.db, env);
  const say = (line: string) => {
    if (!args.json) console.log(line);
  };
  const warn = (line: string) => console.error(`⚠️  ${line}`);
  try {
    try {
      await handle.db.execute(sql`SELECT 1`);
    } catch (error) {
      throw new CliError(`cannot reach the database from ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }

    if (args.command === 'prune-data') {
      const report = await pruneData(deps, { now: args.now, dryRun: args.dryRun });
      if (args.json) console.log(JSON.stringify(report, null, 2));
      else say(formatPruneReport(report));
      return 0;
    }

    if (args.command === 'stats') {
      const stats = await getSweepStats(deps, { now: args.now, academy: args.academy });
      if (args.json) console.log(JSON.stringify(stats, null, 2));
      else say(formatStats(stats, '📈 Meeting statistics').join('\n'));
      return 0;
    }

    if (!deps.livekit) warn(`LiveKit is not configured (${env.videoUnavailableReason}); rooms cannot be created or ended.`);
    else if (args.command !== 'reconcile-attendance' || !args.dryRun) {
      try {
        await deps.livekit.getRoom('halaqa-cli-probe');
      } catch (error) {
        if (error instanceof LivekitUnavailableError) warn(`LiveKit at ${env.livekit!.apiUrl} is unreachable; sessions that need it will fail. (${error.message})`);
      }
    }

    const progress = progressReporter(!args.json && process.stderr.isTTY === true);
    let report;
    try {
      report = await runSweep(args.command as SweepJob, deps, {
        now: args.now,
        dryRun: args.dryRun,
        academy: args.academy,
        concurrency: args.concurrency,
        onProgress: progress.onProgress,
      });
    } finally {
      progress.stop();
    }
    const stats = await getSweepStats(deps, { now: args.now, academy: args.academy });
    if (args.json) console.log(JSON.stringify({ ...report, stats }, null, 2));
    else say(formatSweepReport(report, { verbose: args.verbose, stats }));
    return report.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError || error instanceof DomainError) {
      console.error(`meetings: ${error.message}`);
      if (error instanceof UsageError) console.error(`\n${USAGE}`);
    } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`meetings: ${error.message}\n\n${USAGE}`);
    } else {
      console.error('meetings: failed:', error);
    }
    process.exit(2);
  },
);
