/**
 * The ceiling for `npm run bench:webhooks`: verifies the webhook signature
 * exactly as the real route does, stores nothing, answers 200.
 */
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { verifyLivekitWebhookOnly } from '@/server/http/livekit-webhook';

export const POST = withBodyLimit(BODY_LIMITS.webhook, (req: Request) => verifyLivekitWebhookOnly(req, getAppDeps()));
