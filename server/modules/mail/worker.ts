/**
 * The mail worker: graphile-worker running the send job. One per process
 * that sends (inside the app in development, `npm run mail-worker` or the
 * cron route in production; docs/operations.md#mail). Any number may run at
 * once: jobs are taken with SKIP LOCKED and the row lock in sendQueuedMail
 * makes a delivery happen once.
 */
import 'server-only';
import { run, runOnce, type Task, type TaskList } from 'graphile-worker';
import nodemailer from 'nodemailer';
import type { Db } from '@/server/db';
import { jobQueueLogger } from '@/server/db/job-queue';
import type { MailSettings } from '@/server/env';
import type { Clock } from '@/server/lib/clock';
import { logger } from '@/server/lib/logger';
import { SEND_MAIL_TASK } from './enqueue-mail';
import { sendMailPayload } from './schemas';
import { sendQueuedMail } from './send-queued-mail';

export interface MailWorkerDeps {
  /** graphile-worker connects with node-postgres, so it takes the URL rather than the app's client. */
  databaseUrl: string;
  db: Db;
  clock: Clock;
  mail: MailSettings;
}

function createTransport(settings: MailSettings) {
  // Bounded waits: a hung server fails the attempt (and it is retried) instead of holding the job.
  return nodemailer.createTransport(settings.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
}

function taskList(deps: MailWorkerDeps): TaskList {
  const transport = createTransport(deps.mail);
  const send: Task = async (payload) => {
    const parsed = sendMailPayload.safeParse(payload);
    if (!parsed.success) {
      logger.error('mail job with a bad payload dropped', { payload });
      return;
    }
    const outcome = await sendQueuedMail({ db: deps.db, clock: deps.clock, transport, from: deps.mail.from }, parsed.data.mailId);
    if (outcome === 'refused') logger.warn('mail refused by the SMTP server', { mailId: parsed.data.mailId });
  };
  return { [SEND_MAIL_TASK]: send };
}

export interface RunningMailWorker {
  stop(): Promise<void>;
}

/** Runs until stopped, picking new mail at once (LISTEN) and retries when due (polled every second). */
export async function startMailWorker(deps: MailWorkerDeps, options: { concurrency?: number } = {}): Promise<RunningMailWorker> {
  const runner = await run({
    connectionString: deps.databaseUrl,
    concurrency: options.concurrency ?? 4,
    maxPoolSize: (options.concurrency ?? 4) + 2,
    pollInterval: 1_000,
    noHandleSignals: true,
    logger: jobQueueLogger,
    taskList: taskList(deps),
  });
  return { stop: () => runner.stop() };
}

/**
 * Sends every mail that is due now, then returns: the cron route and
 * `npm run mail -- drain`. Mail waiting for a retry's backoff stays queued.
 */
export async function drainMailQueue(deps: MailWorkerDeps): Promise<void> {
  await runOnce({ connectionString: deps.databaseUrl, noHandleSignals: true, logger: jobQueueLogger, taskList: taskList(deps) });
}
