import { getAppDeps } from '@/server/deps';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';

export function POST(req: Request) {
  return handleLivekitWebhook(req, getAppDeps());
}
