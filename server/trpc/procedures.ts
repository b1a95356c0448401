/**
 * The procedure ladder, the one place a router's caller is checked
 * (docs/architecture.md#procedures):
 *
 *   publicProcedure            anyone; mutations refuse cross-site requests
 *   authedProcedure            ctx.actor: signed in
 *   roleProcedure(...roles)    ctx.actor has one of the roles
 *   academyProcedure           ctx.academy: any staff member's academy, or null
 *                              for a super admin naming none (every academy)
 *   managerProcedure           managers; ctx.academy always set
 *   adminProcedure             academy admins; ctx.academy always set
 *   overviewProcedure          managers; ctx.academy, or null as above
 *
 * ctx.academy comes from resolveAcademy (the tenant rule): the actor's own
 * academy, never one the client names, except for the super admin. Roles
 * are checked before the academy, and the academy before the rest of the
 * input, which each router declares with `.input(...)` after these.
 * next-auth's CSRF token protects only its own routes, hence sameOrigin.
 */
import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import { streamMaxDurationMs } from '@/server/env';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { Deps } from '@/server/deps';
import { correlationIdOf, INTERNAL_ERROR_MESSAGE } from '@/server/lib/correlation';
import { DomainError } from '@/server/lib/domain-error';
import { ADMIN_ROLES, MANAGER_ROLES, type Actor } from '@/server/lib/actor';
import { idInput } from '@/server/lib/schemas';
import { resolveAcademy } from '@/server/modules/academies';
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
  // room.events ends after this (a serverless function's limit); the client's EventSource reconnects with its last event id.
  sse: { maxDurationMs: streamMaxDurationMs() },
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

export function roleProcedure(...roles: readonly UserRole[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not allowed for your role' });
    return next();
  });
}

/** Every academy-scoped input may name its academy; the router's own schema says whether it is strict. */
const academyInput = z.object({ academyId: idInput.optional() }).optional();

function inAcademy(roles: readonly UserRole[]) {
  return roleProcedure(...roles).input(academyInput);
}

const STAFF_ROLES: readonly UserRole[] = [...MANAGER_ROLES, 'teacher'];

export const academyProcedure = inAcademy(STAFF_ROLES).use(async ({ ctx, input, next }) =>
  next({ ctx: { ...ctx, academy: await resolveAcademy(ctx.deps.db, ctx.actor, input?.academyId, { everyAcademy: true }) } }),
);

export const overviewProcedure = inAcademy(MANAGER_ROLES).use(async ({ ctx, input, next }) =>
  next({ ctx: { ...ctx, academy: await resolveAcademy(ctx.deps.db, ctx.actor, input?.academyId, { everyAcademy: true }) } }),
);

export const managerProcedure = inAcademy(MANAGER_ROLES).use(async ({ ctx, input, next }) =>
  next({ ctx: { ...ctx, academy: await resolveAcademy(ctx.deps.db, ctx.actor, input?.academyId) } }),
);

export const adminProcedure = inAcademy(ADMIN_ROLES).use(async ({ ctx, input, next }) =>
  next({ ctx: { ...ctx, academy: await resolveAcademy(ctx.deps.db, ctx.actor, input?.academyId) } }),
);
