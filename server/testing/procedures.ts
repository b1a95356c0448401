/**
 * The app router's procedures as data, for tests that must cover every one
 * (bad inputs, cross-site): a procedure added to any router shows up here.
 */
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { appRouter } from '@/server/trpc/root';
import { callerFor } from './integration';

export type ProcedureType = 'query' | 'mutation' | 'subscription';

/**
 * Sorted by path. tRPC keeps a flat `path → procedure` record at runtime (its
 * type describes the nested router instead, hence the cast).
 */
export function listProcedures(): { path: string; type: ProcedureType }[] {
  const flat = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>;
  return Object.entries(flat)
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls a procedure by its dotted path through the server-side caller, as a client would by URL. */
export function callByPath(deps: Deps, actor: Actor | null, headers: Headers | null, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(deps, actor, headers);
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}
