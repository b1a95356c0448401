/**
 * npm run mail -- <command>            (npm run mail-worker = npm run mail -- worker)
 *
 *   worker [--concurrency N]   sends queued mail until stopped (production: run one or more beside the app)
 *   drain                      sends what is due now, then exits (what /api/cron/mail does)
 *   status                     the queue's counts by status
 *   send-test ADDRESS [--locale ar|en]   queues a test message (proves SMTP_URL and MAIL_FROM)
 *   inbox [--limit N]          the local Mailpit's newest messages (development)
 *   show ID                    one local Mailpit message as text
 *
 * Configuration as the app's: DATABASE_URL (default: the embedded server the
 * dev script runs, on HALAQA_PG_PORT), SMTP_URL and MAIL_FROM; the local
 * inbox is HALAQA_MAILPIT_URL or http://127.0.0.1:$HALAQA_MAILPIT_PORT (8025).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb } from '@/server/db';
import { DEFAULT_MAIL_FROM } from '@/server/env';
import { systemClock } from '@/server/lib/clock';
import { checkMail, drainMailQueue, enqueueMail, mailQueueSummary, startMailWorker } from '@/server/modules/mail';
import { PG_PASSWORD, PG_USER } from './infra/postgres';

const env = process.env;
const USAGE = 'usage: npm run mail -- worker [--concurrency N] | drain | status | send-test ADDRESS [--locale ar|en] | inbox [--limit N] | show ID';
const mailpitUrl = () => env.HALAQA_MAILPIT_URL ?? `http://127.0.0.1:${env.HALAQA_MAILPIT_PORT ?? 8025}`;

async function mailpit<T>(path: string): Promise<T> {
  const url = `${mailpitUrl()}${path}`;
  const res = await fetch(url).catch((error: Error) => {
    throw new Error(`cannot reach the local Mailpit at ${mailpitUrl()} (is npm run dev running?): ${(error.cause as Error | undefined)?.message ?? error.message}`);
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

type Summary = { ID: string; Created: string; Subject: string; To: { Address: string }[] };

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { concurrency: { type: 'string' }, locale: { type: 'string' }, limit: { type: 'string' } },
  });
  const [command, argument] = positionals;

  if (command === 'inbox') {
    const limit = Math.min(Math.max(Number(values.limit ?? 20) || 20, 1), 500);
    const data = await mailpit<{ total: number; messages: Summary[] }>(`/api/v1/messages?limit=${limit}`);
    console.log(`${data.total} message(s) in ${mailpitUrl()}; newest first:`);
    for (const m of data.messages) console.log(`${m.ID}  ${m.Created.slice(0, 19).replace('T', ' ')}  ${m.To.map((t) => t.Address).join(', ')}  ${m.Subject}`);
    return 0;
  }
  if (command === 'show') {
    if (!argument) return (console.error(USAGE), 2);
    const m = await mailpit<Summary & { From: { Address: string }; Text: string }>(`/api/v1/message/${encodeURIComponent(argument)}`);
    console.log(`From: ${m.From.Address}\nTo: ${m.To.map((t) => t.Address).join(', ')}\nSubject: ${m.Subject}\n\n${m.Text}`);
    return 0;
  }
  if (!command || !['worker', 'drain', 'status', 'send-test'].includes(command)) return (console.error(USAGE), 2);

  const databaseUrl = env.DATABASE_URL ?? `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${env.HALAQA_PG_PORT ?? 54329}/halaqa`;
  const handle = createDb(databaseUrl, { max: 4 });
  try {
    if (command === 'status') {
      console.log(JSON.stringify(await mailQueueSummary(handle.db), null, 2));
      return 0;
    }
    if (command === 'send-test') {
      const address = z.string().email().safeParse(argument?.trim().toLowerCase());
      const locale = values.locale === 'ar' ? 'ar' : 'en';
      if (!address.success) return (console.error(USAGE), 2);
      const queued = await enqueueMail({ appUrl: env.APP_URL ?? 'http://127.0.0.1:3000' }, handle.db, {
        to: { address: address.data, locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
        template: checkMail,
        params: { requestedAt: new Date() },
      });
      console.log(`queued mail ${queued?.id} to ${address.data}; a worker sends it (npm run mail -- drain to send it now)`);
      return 0;
    }
    if (!env.SMTP_URL) {
      console.error('SMTP_URL is not set: nothing can be sent (mail stays queued).');
      return 1;
    }
    const deps = { databaseUrl, db: handle.db, clock: systemClock, mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM ?? DEFAULT_MAIL_FROM } };
    if (command === 'drain') {
      await drainMailQueue(deps);
      console.log(JSON.stringify(await mailQueueSummary(handle.db), null, 2));
      return 0;
    }
    const worker = await startMailWorker(deps, { concurrency: Math.min(Math.max(Number(values.concurrency ?? 4) || 4, 1), 32) });
    console.log('[mail] worker running; Ctrl-C stops it after the mail in hand is sent');
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await worker.stop();
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[mail] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
