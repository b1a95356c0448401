import { after } from 'next/server';
import { getAppDeps } from '@/server/deps';
import { handleLivekitWebhook, recordWhenStarted } from '@/server/http/livekit-webhook';

export function POST(req: Request) {
  const deps = getAppDeps();
  // After the response: LiveKit's per-room webhook queue must not wait for an egress start.
  return handleLivekitWebhook(req, deps, recordWhenStarted(deps, after));
}
