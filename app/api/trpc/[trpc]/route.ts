import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleTrpcRequest } from '@/server/http/trpc';

const handler = withBodyLimit(BODY_LIMITS.trpc, (req: Request) =>
  handleTrpcRequest(req, async () => ({ deps: getAppDeps(), actor: await getActor(), headers: req.headers })),
);

export { handler as GET, handler as POST };
