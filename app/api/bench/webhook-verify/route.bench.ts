/**
 * The ceiling for `npm run bench:webhooks`: verifies the webhook signature
 * exactly as the real route does, stores nothing, answers 200.
 */
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { createWebhookVerifier } from '@/server/livekit/webhook-receiver';

let verify: ReturnType<typeof createWebhookVerifier> | undefined;

export const POST = withBodyLimit(BODY_LIMITS.webhook, async (req: Request) => {
  const keys = getAppDeps().livekitWebhook;
  if (!keys) return new Response('video not configured', { status: 503 });
  verify ??= createWebhookVerifier(keys.apiKey, keys.apiSecret);
  const result = await verify(await req.text(), req.headers.get('authorization'));
  return new Response(result.ok ? 'ok' : result.reason, { status: result.ok ? 200 : 401 });
});
