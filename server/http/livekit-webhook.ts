/**
 * POST /api/livekit/webhook as a plain Request → Response function, so the
 * Next route and the integration tests' webhook sink run the same code.
 * LiveKit retries only 5xx and connection errors: 401/400 for requests we
 * must never accept, 503 when a transient failure kept us from storing (the
 * database unreachable or busy), 200 only once stored — an event whose
 * effect can never apply is stored flagged `cannot_apply` and answered 200.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { logger } from '@/server/lib/logger';
import { BODY_LIMITS, BodyTooLargeError, readBodyLimited } from './body-limit';
import { createWebhookVerifier } from '@/server/livekit/webhook-receiver';
import { guardParticipant } from '@/server/modules/controls';
import { startRecordingByItself } from '@/server/modules/recordings';
import { ingestWebhookEvent } from '@/server/modules/webhooks';

const verifiers = new Map<string, ReturnType<typeof createWebhookVerifier>>();

function verifierFor({ apiKey, apiSecret }: { apiKey: string; apiSecret: string }) {
  let verify = verifiers.get(apiKey);
  if (!verify) verifiers.set(apiKey, (verify = createWebhookVerifier(apiKey, apiSecret)));
  return verify;
}

/** The signed body as text, or the 413 answer when it is past the webhook limit. */
async function readWebhookBody(req: Request): Promise<string | Response> {
  try {
    return new TextDecoder().decode((await readBodyLimited(req, BODY_LIMITS.webhook)) ?? new Uint8Array());
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: 'body too large' });
    throw error;
  }
}

/** The ceiling `npm run bench:webhooks` measures against: the same verification, nothing stored. */
export async function verifyLivekitWebhookOnly(req: Request, deps: Pick<Deps, 'livekitWebhook'>): Promise<Response> {
  if (!deps.livekitWebhook) return new Response('video not configured', { status: 503 });
  const raw = await readWebhookBody(req);
  if (raw instanceof Response) return raw;
  const result = await verifierFor(deps.livekitWebhook)(raw, req.headers.get('authorization'));
  return new Response(result.ok ? 'ok' : result.reason, { status: result.ok ? 200 : 401 });
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

export interface WebhookHooks {
  /** Called after the commit when a join made a session ongoing (the app starts automatic recording there). */
  onSessionStarted?(sessionId: number): void;
}

/** The event is stored either way: a failed enforcement is logged, never a reason for LiveKit to resend. */
async function guardRoom(deps: Pick<Deps, 'db' | 'livekit' | 'clock'>, event: Parameters<typeof guardParticipant>[1]) {
  try {
    return await guardParticipant(deps, event);
  } catch (error) {
    logger.error('room guard failed', { id: event.id, event: event.event, error: String(error) });
    return null;
  }
}

/** The app's hooks: a join that starts a session starts its automatic recording, `later` (after the response). */
export function recordWhenStarted(deps: Deps, later: (task: () => Promise<unknown>) => void): WebhookHooks {
  return { onSessionStarted: (sessionId) => later(() => startRecordingByItself(deps, sessionId)) };
}

export async function handleLivekitWebhook(req: Request, deps: Pick<Deps, 'db' | 'clock' | 'livekitWebhook' | 'livekit'>, hooks: WebhookHooks = {}): Promise<Response> {
  if (!deps.livekitWebhook) return json(503, { error: 'video is not configured' });
  const raw = await readWebhookBody(req);
  if (raw instanceof Response) return raw;

  const received = await verifierFor(deps.livekitWebhook)(raw, req.headers.get('authorization'));
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
