/**
 * The authorization matrix's vocabulary: who calls, what a call aims at, the
 * rules a procedure declares (CellSpec) and the cell a spec builds its input
 * in. The per-part cell files and the table that gathers them
 * (authorization-cells.ts) both import it, and neither imports the other.
 */
import type { Db } from '@/server/db';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';

export type Who = 'anonymous' | 'super_admin' | 'academy_admin' | 'supervisor' | 'teacher' | 'student' | 'parent';
export const WHO: Who[] = ['anonymous', 'super_admin', 'academy_admin', 'supervisor', 'teacher', 'student', 'parent'];

export const SESSION_TARGETS = ['ownCircle', 'oneToOne', 'course', 'sameTeacherOtherCircle', 'otherTeacher', 'otherAcademy'] as const;
export const ACADEMY_TARGETS = ['ownAcademy', 'otherAcademy'] as const;
export type SessionTarget = (typeof SESSION_TARGETS)[number];
export type Target = SessionTarget | 'ownAcademy' | 'self';
export type Want = 'OK' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

/**
 * manage: the session's teacher or a manager; join: anyone who may join;
 * student: its students only; staff: those who join but not students and
 * parents (the matrix's academy does not share recordings with them);
 * manager: academy admins, supervisors and the super admin only.
 */
type SessionRule = 'manage' | 'join' | 'student' | 'staff' | 'manager';
/** manager / admin: by role, then the academy; staff: managers and teachers; teacherSettings: the teacher or a manager. */
type AcademyRule = 'manager' | 'admin' | 'staff' | 'teacherSettings';
/** public: anyone, signed in or not (the one-time link is the credential). */
type SelfRule = 'anyone' | 'parent' | 'superAdmin' | 'public';

export interface Cell {
  who: Who;
  target: Target;
  actor: Actor | null;
  deps: Deps;
  input: unknown;
  /** The session aimed at (session targets). */
  sessionId: number;
  /** The academy aimed at. */
  academyId: number;
  /** A student of the target session other than the caller where there is one: whom controls aim at. */
  subject: Actor;
  fixture: MatrixFixture;
  /** What to assert the shape of: the answer, or a subscription's first event. */
  read(data: unknown): Promise<unknown>;
  /** Undone after the call, whatever its outcome (a connected participant leaves). */
  onCleanup(undo: () => Promise<unknown>): void;
  cleanup(): Promise<void>;
}

interface Common {
  /** Builds the input, preparing what an allowed call needs (`allowed` says whether it will be). */
  input(c: Cell, allowed: boolean): unknown;
  shape(data: unknown, c: Cell): void | Promise<void>;
  /** A cell whose answer differs from the rule's. */
  except?(who: Who, target: Target): Want | undefined;
  /**
   * An allowed call that ends at this refusal has passed authorization (recording: the matrix's
   * livekit-server has no egress service; recording on the real stack is recordings.int.test.ts's).
   */
  passedAuthorization?(error: unknown): boolean;
}
export type CellSpec =
  | (Common & { scope: 'session'; rule: SessionRule; /** default true: the session has a live meeting */ meeting?: boolean })
  | (Common & { scope: 'academy'; rule: AcademyRule })
  | (Common & { scope: 'self'; rule: SelfRule });

export function targetsOf(spec: CellSpec): readonly Target[] {
  if (spec.scope === 'session') return SESSION_TARGETS;
  if (spec.scope === 'academy') return ACADEMY_TARGETS;
  return ['self'];
}

export interface SessionPlan {
  academyId: number;
  teacherId: number;
  kind: 'quran' | 'academic' | 'interactive_course';
  audience: { circleId: number } | { studentId: number } | { courseId: number };
  subject: Actor;
}

export interface MatrixFixture {
  db: Db;
  actors: Record<Exclude<Who, 'anonymous'>, Actor>;
  homeAcademyId: number;
  awayAcademyId: number;
  /** The teacher of each academy (for teacher-scoped procedures). */
  teacherOf: { ownAcademy: number; otherAcademy: number };
  circleOf: { ownAcademy: number; otherAcademy: number };
  /** A stored webhook problem (`cannot_apply`) of each academy. */
  problemIdOf: { ownAcademy: string; otherAcademy: string };
  plans: Record<SessionTarget, SessionPlan>;
}
