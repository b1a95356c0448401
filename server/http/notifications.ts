/**
 * The notification links that work without signing in: the calendar feed
 * (GET /api/calendar/<token>.ics) and the unsubscribe link (the page
 * /unsubscribe/<token> posts to POST /api/unsubscribe; mail clients' one-click
 * List-Unsubscribe POSTs there too).
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { DomainError } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';
import { readUnsubscribeToken, renderCalendarFeed, unsubscribe, type Topic } from '@/server/modules/notifications';

export async function handleCalendarFeed(file: string, deps: Pick<Deps, 'db' | 'appUrl' | 'clock'>): Promise<Response> {
  const token = /^([A-Za-z0-9_-]{1,64})\.ics$/.exec(file)?.[1];
  const body = token ? await renderCalendarFeed(deps.db, token, deps.appUrl, deps.clock.now()) : null;
  if (body === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' } });
}

/** Applies an unsubscribe token from a form or a one-click POST; redirects the form back to the page, which says it is done. */
export async function handleUnsubscribe(req: Request, deps: Pick<Deps, 'db' | 'signingSecret'>): Promise<Response> {
  const url = new URL(req.url);
  const form = await req.formData().catch(() => null);
  const token = String(form?.get('token') ?? url.searchParams.get('token') ?? '').slice(0, 200);
  try {
    const done = await unsubscribe(deps.db, deps.signingSecret, token);
    if (form?.get('from') === 'page') return Response.redirect(new URL(`/unsubscribe/${encodeURIComponent(token)}?done=1`, url), 303);
    return Response.json({ ok: true, topic: done.topic });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.message }, { status: 400 });
    logger.error('unsubscribe failed', { error: String(error) });
    return Response.json({ error: 'Something went wrong' }, { status: 500 });
  }
}

/** The topic an unsubscribe link is for, or null when the link is not valid (the page's question). */
export function unsubscribeTopicOf(token: string, deps: Pick<Deps, 'signingSecret'>): Topic | null {
  return deps.signingSecret ? (readUnsubscribeToken(deps.signingSecret, token)?.topic ?? null) : null;
}
