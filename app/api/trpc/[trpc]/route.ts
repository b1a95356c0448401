import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { logger } from '@/server/lib/logger';
import { appRouter } from '@/server/trpc/root';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => ({ deps: getAppDeps(), actor: await getActor(), headers: req.headers }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger.error('trpc error', { path, error: String(error.cause ?? error) });
    },
  });
}

export { handler as GET, handler as POST };
