/**
 * /api/trpc as a plain Request → Response function (the route adds the
 * signed-in actor): internal errors are logged with the correlation id the
 * client sees (trpc/init.ts words the answer), and a 429 carries Retry-After.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Context } from '@/server/trpc/procedures';
import { appRouter } from '@/server/trpc/root';
import { toTRPCError } from '@/server/trpc/error-map';
import { correlationIdOf } from '@/server/lib/correlation';
import { DomainError, retryAfterHeader } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';

export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    // Reading the signed-in actor touches the database: an outage there is a 503 too, not a 500.
    createContext: async () => {
      try {
        return await createContext();
      } catch (error) {
        throw toTRPCError(error) ?? error;
      }
    },
    onError({ error, path }) {
      if (error.cause instanceof DomainError && error.cause.detail) {
        logger.warn('refused', { path, code: error.code, reason: error.cause.reason, detail: error.cause.detail });
      }
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      const cause = error.cause ?? error;
      const inner = cause instanceof Error && cause.cause !== undefined ? String(cause.cause) : undefined;
      logger.error('trpc error', { correlationId: correlationIdOf(error), path, error: String(cause), cause: inner, stack: cause instanceof Error ? cause.stack : undefined });
    },
    responseMeta({ errors }) {
      const limited = errors.find((e) => e.code === 'TOO_MANY_REQUESTS' && e.cause instanceof DomainError);
      return limited ? { headers: new Headers(retryAfterHeader(limited.cause)) } : {};
    },
  });
}
