import { after } from 'next/server';
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleLivekitWebhook, recordWhenStarted } from '@/server/http/livekit-webhook';

export const POST = withBodyLimit(BODY_LIMITS.webhook, (req: Request) => {
  const deps = getAppDeps();
  // After the response: LiveKit's per-room webhook queue must not wait for an egress start.
  return handleLivekitWebhook(req, deps, recordWhenStarted(deps, after));
});
