/**
 * GET/POST /api/cron/{job} as a plain Request → Response function (dub's
 * withCron): the bearer secret is checked in constant time, then the same
 * sweep the CLI runs is run and its report returned as JSON. Vercel cron
 * sends `Authorization: Bearer $CRON_SECRET` with a GET.
 *
 * Optional query parameters for manual calls: `dryRun=1`, `academy=<slug|id>`.
 *
 * `/api/cron/mail` sends the mail that is due (for deployments without a
 * long-running `npm run mail-worker`) and answers the queue's counts.
 */
import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Deps } from '@/server/deps';
import { correlationIdOf, INTERNAL_ERROR_MESSAGE } from '@/server/lib/correlation';
import { DomainError, httpStatusFor } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';
import { drainMailQueue, mailQueueSummary } from '@/server/modules/mail';
import { getSweepStats, isSweepJob, runSweep } from '@/server/modules/sweeps';

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/** Compares digests so neither the length nor a prefix of the secret leaks through timing. */
export function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(match[1]!), digest(secret));
}

export async function handleCronRequest(req: Request, job: string, deps: Deps, cronSecret: string | undefined, databaseUrl?: string): Promise<Response> {
  if (!cronSecret) {
    logger.error('cron refused: CRON_SECRET is not set', { job });
    return json(503, { error: 'CRON_SECRET is not configured' });
  }
  if (!bearerMatches(req.headers.get('authorization'), cronSecret)) return json(401, { error: 'unauthorized' });

  const params = new URL(req.url).searchParams;
  const dryRun = ['1', 'true'].includes(params.get('dryRun') ?? '');
  const academy = params.get('academy')?.slice(0, 200) || undefined;
  try {
    if (job === 'stats') return json(200, await getSweepStats(deps, { academy }));
    if (job === 'mail') {
      if (!deps.mail || !databaseUrl) return json(503, { error: 'SMTP_URL is not configured: mail stays queued' });
      await drainMailQueue({ databaseUrl, db: deps.db, clock: deps.clock, mail: deps.mail });
      return json(200, await mailQueueSummary(deps.db));
    }
    if (!isSweepJob(job)) return json(404, { error: `unknown job ${JSON.stringify(job.slice(0, 60))}` });
    const report = await runSweep(job, deps, { dryRun, academy });
    const { totals, ok, durationMs } = report;
    logger[ok ? 'info' : 'warn']('sweep finished', { job, dryRun, academy, ok, durationMs, totals });
    return json(200, report);
  } catch (error) {
    if (error instanceof DomainError) return json(httpStatusFor(error.code), { error: error.message });
    const reference = correlationIdOf(error as object);
    logger.error('sweep crashed', { correlationId: reference, job, error: String(error) });
    return json(500, { error: `${INTERNAL_ERROR_MESSAGE}: ${reference}`, reference });
  }
}
