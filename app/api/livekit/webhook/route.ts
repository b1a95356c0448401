import { after } from 'next/server';
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';
import { startRecordingByItself } from '@/server/modules/recordings';

export const POST = withBodyLimit(BODY_LIMITS.webhook, (req: Request) => {
  const deps = getAppDeps();
  return handleLivekitWebhook(req, deps, {
    // After the response: LiveKit's per-room webhook queue must not wait for an egress start.
    onSessionStarted: (sessionId) => after(() => startRecordingByItself(deps, sessionId)),
  });
});
