/**
 * getSessionContextOrThrow (sessions/access.ts) for meeting.token, the
 * hottest request (every join and rejoin): the same query as a drizzle
 * prepared statement, built once per database handle instead of per request —
 * building it cost more CPU than the rest of the use case (bench/tokens.ts) —
 * and sent under one text, so PostgreSQL parses and plans it once per
 * connection. Who may join is still decided by access.ts's functions; this
 * only fetches their inputs, and the authorization matrix test holds
 * meeting.token to the same answers as every other procedure.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/server/db';
import { academies, meetings, sessions } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { canManageSession, resolveJoinRole, type SessionContext } from '@/server/modules/sessions/access';

const actorId = sql.placeholder('actorId');

function prepareQuery(db: Db) {
  return db
    .select({
      session: sessions,
      academy: academies,
      meeting: meetings,
      isStudent: sql<boolean>`(
        ${sessions.studentId} = ${actorId}
        OR EXISTS (SELECT 1 FROM circle_members cm WHERE cm.circle_id = ${sessions.circleId} AND cm.student_id = ${actorId})
        OR EXISTS (SELECT 1 FROM course_enrollments ce WHERE ce.course_id = ${sessions.courseId} AND ce.student_id = ${actorId})
      )`,
      isParent: sql<boolean>`EXISTS (
        SELECT 1 FROM parent_children pc WHERE pc.parent_id = ${actorId} AND (
          pc.child_id = ${sessions.studentId}
          OR EXISTS (SELECT 1 FROM circle_members cm WHERE cm.circle_id = ${sessions.circleId} AND cm.student_id = pc.child_id)
          OR EXISTS (SELECT 1 FROM course_enrollments ce WHERE ce.course_id = ${sessions.courseId} AND ce.student_id = pc.child_id)
        )
      )`,
    })
    .from(sessions)
    .innerJoin(academies, eq(academies.id, sessions.academyId))
    .leftJoin(meetings, eq(meetings.sessionId, sessions.id))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        // The tenant filter: only the super admin reaches every academy.
        or(sql`${sql.placeholder('anyAcademy')}::boolean`, eq(sessions.academyId, sql.placeholder('academyId'))),
      ),
    )
    .limit(1)
    .prepare('token_session_context');
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareQuery>>();

export async function getTokenSessionContextOrThrow(db: Db, actor: Actor, sessionId: number): Promise<SessionContext> {
  let query = prepared.get(db);
  if (!query) {
    query = prepareQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({
    sessionId,
    actorId: actor.id,
    anyAcademy: actor.role === 'super_admin',
    academyId: actor.academyId ?? -1,
  });
  if (!row) throw new DomainError('NOT_FOUND', 'Session not found');
  const { session } = row;
  return {
    session,
    academy: row.academy,
    meeting: row.meeting,
    joinRole: resolveJoinRole(actor, session.teacherId, Boolean(row.isStudent), Boolean(row.isParent)),
    canManage: canManageSession(actor, session.teacherId),
  };
}
