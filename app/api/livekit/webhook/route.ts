import { after } from 'next/server';
import { getAppDeps } from '@/server/deps';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';
import { startRecordingByItself } from '@/server/modules/recordings';

export function POST(req: Request) {
  const deps = getAppDeps();
  return handleLivekitWebhook(req, deps, {
    // After the response: LiveKit's per-room webhook queue must not wait for an egress start.
    onSessionStarted: (sessionId) => after(() => startRecordingByItself(deps, sessionId)),
  });
}
