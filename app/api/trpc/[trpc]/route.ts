import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleTrpcRequest } from '@/server/http/trpc';

const handle = (req: Request) => handleTrpcRequest(req, async () => ({ deps: getAppDeps(), actor: await getActor(), headers: req.headers }));
const small = withBodyLimit(BODY_LIMITS.trpc, handle);
// A roster upload is the one large input; a batch that mixes it with anything else gets the usual limit.
const roster = withBodyLimit(BODY_LIMITS.rosterImport, handle);

function handler(req: Request) {
  return new URL(req.url).pathname === '/api/trpc/people.importPreview' ? roster(req) : small(req);
}

export { handler as GET, handler as POST };
