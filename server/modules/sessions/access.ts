/**
 * Who may see, join and manage a session (docs/rules.md#who-may-do-what). Another academy's session
 * is NOT_FOUND for everyone but the super admin, exactly like a missing one.
 */
import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/server/db';
import { academies, academyVideoSettings, meetings, sessions } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

import type { JoinRole } from '@/shared/classroom/grants';

export type { JoinRole };

export interface SessionContext {
  session: typeof sessions.$inferSelect;
  academy: typeof academies.$inferSelect;
  meeting: typeof meetings.$inferSelect | null;
  /** How the actor relates to the session; null = may not join. */
  joinRole: JoinRole | null;
  canManage: boolean;
}

/**
 * One round trip: the session, its academy and meeting, and whether the
 * actor is its student (individually, by circle or by course) or a parent of
 * one. Every procedure about a session starts here, so it is a prepared
 * statement built once per database handle (PostgreSQL plans it once per
 * connection; building it per request cost more CPU than the token it
 * guards, bench/tokens.ts).
 */
const actorId = sql.placeholder('actorId');

function prepareQuery(db: Db) {
  return db
    .select({
      session: sessions,
      academy: academies,
      meeting: meetings,
      teachersMayObserve: academyVideoSettings.teachersMayObserve,
      // A deactivated user (or academy) is refused here too, whoever built the actor. Id 0 is the
      // in-process scheduler (recordings/start-recording.ts), never a signed-in user (ids start at 1).
      actorActive: sql<boolean>`(${actorId} = 0 OR EXISTS (
        SELECT 1 FROM users au LEFT JOIN academies aa ON aa.id = au.academy_id
        WHERE au.id = ${actorId} AND au.active AND coalesce(aa.active, true)
      ))`,
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
    .leftJoin(academyVideoSettings, eq(academyVideoSettings.academyId, sessions.academyId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        // The tenant filter: only the super admin reaches every academy.
        or(sql`${sql.placeholder('anyAcademy')}::boolean`, eq(sessions.academyId, sql.placeholder('academyId'))),
      ),
    )
    .limit(1)
    .prepare('session_context');
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareQuery>>();

export async function getSessionContextOrThrow(db: Db, actor: Actor, sessionId: number): Promise<SessionContext> {
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
  if (!row.actorActive) throw new DomainError('UNAUTHORIZED', 'Your account is not active');
  const { session } = row;
  return {
    session,
    academy: row.academy,
    meeting: row.meeting,
    joinRole: resolveJoinRole(actor, session.teacherId, Boolean(row.isStudent), Boolean(row.isParent), row.teachersMayObserve ?? false),
    canManage: canManageSession(actor, session.teacherId),
  };
}

export function canManageSession(actor: Actor, teacherId: number): boolean {
  switch (actor.role) {
    case 'super_admin':
    case 'academy_admin':
    case 'supervisor':
      return true;
    case 'teacher':
      return actor.id === teacherId;
    default:
      return false;
  }
}

export function resolveJoinRole(actor: Actor, teacherId: number, isStudent: boolean, isParent: boolean, teachersMayObserve: boolean): JoinRole | null {
  switch (actor.role) {
    case 'super_admin':
    case 'academy_admin':
    case 'supervisor':
      return 'manager';
    case 'teacher':
      // docs/rules.md#who-may-do-what, issue 14: a teacher manages their own sessions; a colleague's
      // only as a hidden observer, when the academy allows it.
      if (actor.id === teacherId) return 'teacher';
      return teachersMayObserve ? 'observer' : null;
    case 'student':
      return isStudent ? 'student' : null;
    case 'parent':
      return isParent ? 'parent' : null;
  }
}

/** Whoever may not join sees a session of their academy as FORBIDDEN. */
export function assertCanView(ctx: SessionContext): void {
  if (!ctx.joinRole) throw new DomainError('FORBIDDEN', 'You are not a participant of this session');
}

export function assertCanManage(ctx: SessionContext): void {
  if (!ctx.canManage) throw new DomainError('FORBIDDEN', 'Only the session teacher or an academy manager can do this');
}
