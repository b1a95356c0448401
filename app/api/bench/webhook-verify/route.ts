/**
 * The ceiling for `npm run bench:webhooks`: verifies the webhook signature
 * exactly as the real route does, stores nothing, answers 200.
 */
import { getAppDeps } from '@/server/deps';
import { verifyLivekitWebhookOnly } from '@/server/http/livekit-webhook';

export function POST(req: Request) {
  return verifyLivekitWebhookOnly(req, getAppDeps());
}
