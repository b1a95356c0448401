/**
 * The procedure ladder: public → authed (actor guaranteed) → academy (the
 * actor's academy, from the session, never from the client) → role(...).
 * Mutations refuse cross-site requests: next-auth's CSRF token protects only
 * its own routes.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Deps } from '@/server/deps';
import { correlationIdOf, INTERNAL_ERROR_MESSAGE } from '@/server/lib/correlation';
import { DomainError } from '@/server/lib/domain-error';
import type { Actor } from '@/server/lib/actor';
import type { UserRole } from '@/server/db/schema/enums';
import { toTRPCError } from './error-map';
import { isCrossSiteRequest } from './same-origin';

export interface Context {
  deps: Deps;
  actor: Actor | null;
  /** Request headers; absent for server-side callers (RSC, tests). */
  headers: Headers | null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    // An internal error's message may hold SQL, a URL or LiveKit's words: the client gets a reference instead.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      const correlationId = correlationIdOf(error);
      return {
        ...shape,
        message: `${INTERNAL_ERROR_MESSAGE}: ${correlationId}`,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, correlationId },
      };
    }
    // A refusal caused by the installation: its key for the client's wording; its detail for super admins only.
    const refusal = error.cause instanceof DomainError && error.cause.reason ? error.cause : null;
    return {
      ...shape,
      data: {
        ...shape.data,
        reason: refusal?.reason,
        detail: refusal && ctx?.actor?.role === 'super_admin' ? refusal.detail : undefined,
        // Only the validation issues go back to the client, never a stack.
        stack: undefined,
        zodIssues: error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path, message: i.message })) : undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped) throw mapped;
  }
  return result;
});

const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.headers && isCrossSiteRequest(ctx.headers)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused' });
  }
  return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(sameOrigin);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Everyone but the super admin works inside exactly one academy. */
export const academyProcedure = authedProcedure.use(({ ctx, next }) => {
  const { academyId } = ctx.actor;
  if (academyId === null) throw new TRPCError({ code: 'FORBIDDEN', message: 'This needs an academy account' });
  return next({ ctx: { ...ctx, academyId } });
});

export function roleProcedure(...roles: UserRole[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not allowed for your role' });
    return next();
  });
}
