/**
 * The mail worker inside the app process (MAIL_WORKER=inline: the default in
 * development, and the dev script's local trial). Started once per process
 * from instrumentation.ts; production runs `npm run mail-worker` or the cron
 * route instead (docs/operations.md#mail).
 */
import 'server-only';
import { getAppDeps } from '@/server/deps';
import { getEnv } from '@/server/env';
import { logger } from '@/server/lib/logger';
import { startMailWorker, type RunningMailWorker } from '@/server/modules/mail';

const holder = globalThis as { halaqaMailWorker?: Promise<RunningMailWorker | null> };

export function startInlineMailWorker(): Promise<RunningMailWorker | null> {
  holder.halaqaMailWorker ??= (async () => {
    const env = getEnv();
    if (!env.mailWorkerInline || !env.mail) return null;
    const deps = getAppDeps();
    const worker = await startMailWorker({ databaseUrl: env.databaseUrl, db: deps.db, clock: deps.clock, mail: env.mail }, { concurrency: 2 });
    logger.info('mail worker running inside the app', { smtp: env.mail.smtpUrl.replace(/\/\/[^@/]*@/, '//…@') });
    return worker;
  })().catch((error) => {
    logger.error('mail worker did not start; mail stays queued', { error: String(error) });
    return null;
  });
  return holder.halaqaMailWorker;
}
