/**
 * POST /api/livekit/webhook as a plain Request → Response function, so the
 * Next route and the integration tests' webhook sink run the same code.
 * LiveKit retries only 5xx and connection errors: 401/400 for requests we
 * must never accept, 503 whenever we could not store, 200 only once stored.
 */
import type { Deps } from '@/server/deps';
import { logger } from '@/server/lib/logger';
import { BODY_LIMITS, BodyTooLargeError, readBodyLimited } from './body-limit';
import { createWebhookVerifier } from '@/server/livekit/webhook-receiver';
import { ingestWebhookEvent } from '@/server/modules/attendance';
import { guardParticipant } from '@/server/modules/controls';

const verifiers = new Map<string, ReturnType<typeof createWebhookVerifier>>();

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

export interface WebhookHooks {
  /** Called after the commit when a join made a session ongoing (the app starts automatic recording there). */
  onSessionStarted?(sessionId: number): void;
}

/** The event is stored either way: a failed enforcement is logged, never a reason for LiveKit to resend. */
async function guardRoom(deps: Pick<Deps, 'db' | 'livekit'>, event: Parameters<typeof guardParticipant>[1]) {
  try {
    return await guardParticipant(deps, event);
  } catch (error) {
    logger.error('room guard failed', { id: event.id, event: event.event, error: String(error) });
    return null;
  }
}

export async function handleLivekitWebhook(req: Request, deps: Pick<Deps, 'db' | 'clock' | 'livekitWebhook' | 'livekit'>, hooks: WebhookHooks = {}): Promise<Response> {
  if (!deps.livekitWebhook) return json(503, { error: 'video is not configured' });
  let raw: string;
  try {
    raw = new TextDecoder().decode((await readBodyLimited(req, BODY_LIMITS.webhook)) ?? new Uint8Array());
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: 'body too large' });
    throw error;
  }

  const { apiKey, apiSecret } = deps.livekitWebhook;
  let verify = verifiers.get(apiKey);
  if (!verify) verifiers.set(apiKey, (verify = createWebhookVerifier(apiKey, apiSecret)));
  const received = await verify(raw, req.headers.get('authorization'));
  if (!received.ok) {
    logger.warn('webhook refused', { reason: received.reason, message: received.message });
    return received.reason === 'unauthorized'
      ? json(401, { error: 'invalid signature' })
      : json(400, { error: 'malformed event' });
  }
  try {
    const outcome = await ingestWebhookEvent(deps, received.event);
    if (outcome.startedSessionId !== undefined) hooks.onSessionStarted?.(outcome.startedSessionId);
    const guard = outcome.duplicate ? null : await guardRoom(deps, received.event);
    return json(200, { ok: true, id: received.event.id, ...outcome, ...(guard ? { guard } : {}) });
  } catch (error) {
    logger.error('webhook not stored', { id: received.event.id, event: received.event.event, error: String(error), cause: String((error as { cause?: unknown }).cause ?? '') });
    return json(503, { error: 'could not store the event; retry' });
  }
}
