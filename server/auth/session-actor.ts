/**
 * The per-request check of a signed-in session: the JWT says who signed in,
 * the users row says whether that still holds. A session is refused when the
 * user or their academy was deactivated, or the user's session version moved
 * on (a trigger bumps it when role, academy or the active flag change), so a
 * revocation takes effect on the very next request on every instance. One
 * primary-key lookup, prepared once per database handle.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/server/db';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';

export interface SessionClaims {
  actor: Actor;
  /** Absent in tokens issued before session versions existed: those are refused. */
  sessionVersion?: number;
}

function prepareQuery(db: Db) {
  return db
    .select({
      role: users.role,
      academyId: users.academyId,
      name: users.name,
      active: users.active,
      sessionVersion: users.sessionVersion,
      academyActive: academies.active,
    })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('session_actor');
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareQuery>>();

/** The actor the request may act as, or null when the session no longer holds. */
export async function resolveSessionActor(db: Db, claims: SessionClaims): Promise<Actor | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareQuery(db)));
  const [row] = await query.execute({ userId: claims.actor.id });
  if (!row || !row.active || row.academyActive === false) return null;
  if (row.sessionVersion !== claims.sessionVersion) return null;
  if (row.role !== claims.actor.role || row.academyId !== claims.actor.academyId) return null;
  return { id: claims.actor.id, role: row.role, academyId: row.academyId, name: row.name };
}
