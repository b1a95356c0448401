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
import { createWebhookVerifier } from '@/server/livekit/webhook-receiver';
import { startRecordingByItself } from '@/server/modules/recordings';
import { ingestWebhookEvent } from '@/server/modules/webhooks';

const MAX_BODY_BYTES = 1_000_000;
const verifiers = new Map<string, ReturnType<typeof createWebhookVerifier>>();

function verifierFor({ apiKey, apiSecret }: { apiKey: string; apiSecret: string }) {
  let verify = verifiers.get(apiKey);
  if (!verify) verifiers.set(apiKey, (verify = createWebhookVerifier(apiKey, apiSecret)));
  return verify;
}

/** The ceiling `npm run bench:webhooks` measures against: the same verification, nothing stored. */
export async function verifyLivekitWebhookOnly(req: Request, deps: Pick<Deps, 'livekitWebhook'>): Promise<Response> {
  if (!deps.livekitWebhook) return new Response('video not configured', { status: 503 });
  const result = await verifierFor(deps.livekitWebhook)(await req.text(), req.headers.get('authorization'));
  return new Response(result.ok ? 'ok' : result.reason, { status: result.ok ? 200 : 401 });
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

export interface WebhookHooks {
  /** Called after the commit when a join made a session ongoing (the app starts automatic recording there). */
  onSessionStarted?(sessionId: number): void;
}

/** The app's hooks: a join that starts a session starts its automatic recording, `later` (after the response). */
export function recordWhenStarted(deps: Deps, later: (task: () => Promise<unknown>) => void): WebhookHooks {
  return { onSessionStarted: (sessionId) => later(() => startRecordingByItself(deps, sessionId)) };
}

export async function handleLivekitWebhook(req: Request, deps: Pick<Deps, 'db' | 'clock' | 'livekitWebhook'>, hooks: WebhookHooks = {}): Promise<Response> {
  if (!deps.livekitWebhook) return json(503, { error: 'video is not configured' });
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return json(413, { error: 'body too large' });
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) return json(413, { error: 'body too large' });

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
    return json(200, { ok: true, id: received.event.id, ...outcome });
  } catch (error) {
    logger.error('webhook not stored', { id: received.event.id, event: received.event.event, error: String(error), cause: String((error as { cause?: unknown }).cause ?? '') });
    return json(503, { error: 'could not store the event; retry' });
  }
}
