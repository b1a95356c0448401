import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleTrpcRequest } from '@/server/http/trpc';

const handle = (req: Request) => handleTrpcRequest(req, async () => ({ deps: getAppDeps(), actor: await getActor(), headers: req.headers }));
const small = withBodyLimit(BODY_LIMITS.trpc, handle);
// A roster upload is the one large input; a batch that mixes it with anything else gets the usual limit.
const roster = withBodyLimit(BODY_LIMITS.rosterImport, handle);
// The whiteboard's scene updates and final image, sent unbatched by the client (components/trpc-provider.tsx).
const whiteboard = withBodyLimit(BODY_LIMITS.whiteboard, handle);
const WHITEBOARD_PATHS = new Set(['/api/trpc/whiteboard.draw', '/api/trpc/whiteboard.saveImage']);

function handler(req: Request) {
  const { pathname } = new URL(req.url);
  if (pathname === '/api/trpc/people.importPreview') return roster(req);
  return WHITEBOARD_PATHS.has(pathname) ? whiteboard(req) : small(req);
}

export { handler as GET, handler as POST };
