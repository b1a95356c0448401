/**
 * Who receives what for each event, pure: the session's audience (with the
 * parents of its students), everyone's preferences and the statuses in,
 * the list of notices out. Deactivated people are never in the list.
 */
import 'server-only';
import type { UserRole } from '@/server/db/schema/enums';
import { TOPIC_OF, type NotificationKind } from './kinds';
import { reminderDue, reminderLead, wants, type Preferences } from './preferences';

export interface Person {
  userId: number;
  role: UserRole;
  active: boolean;
  prefs: Preferences | null;
}

/** A member of a session's audience: the teacher, a student, or a parent (with the child they are there for). */
export interface Member extends Person {
  as: 'teacher' | 'student' | 'parent';
  childId?: number;
}

export interface Notice {
  userId: number;
  kind: NotificationKind;
  /** The unique event key: the same event never yields two notices. */
  key: string;
  inApp: boolean;
  email: boolean;
  /** For a parent: the child it is about. */
  childId?: number;
}

function notice(person: Person, kind: NotificationKind, key: string, childId?: number): Notice | null {
  if (!person.active) return null;
  const topic = TOPIC_OF[kind];
  const inApp = wants(person.prefs, person.role, topic, 'inApp');
  const email = wants(person.prefs, person.role, topic, 'email');
  // Both channels off: nothing to give (the key is not taken, so turning it back on works for the next event).
  if (!inApp && !email) return null;
  return { userId: person.userId, kind, key, inApp, email, ...(childId === undefined ? {} : { childId }) };
}

const dedupe = (notices: (Notice | null)[]) => {
  const seen = new Set<string>();
  return notices.filter((n): n is Notice => n !== null && !seen.has(n.key) && (seen.add(n.key), true));
};

/** Reminders due now for one session: each member at their own lead time (a parent once per session, whatever the number of children). */
export function dueReminders(input: { sessionId: number; startsAt: Date; members: Member[]; academyMinutes: number | null; now: Date }): Notice[] {
  return dedupe(
    input.members
      .filter((m) => reminderDue(input.startsAt, reminderLead(m.prefs, input.academyMinutes), input.now))
      .map((m) => notice(m, 'reminder', `reminder:${input.sessionId}:${m.userId}`)),
  );
}

export type FinalStatus = 'present' | 'late' | 'partial' | 'absent' | 'excused' | string;

/**
 * After finalisation: each parent of a student whose final status is absent
 * or late, once per (session, child, status) — an override to absent notifies
 * again, the same status never twice; a teacher's no-show goes to the admins.
 */
export function attendanceNotices(input: {
  sessionId: number;
  statuses: { studentId: number; status: FinalStatus }[];
  parents: (Person & { childId: number })[];
  teacherAbsent: boolean;
  admins: Person[];
}): Notice[] {
  const out: (Notice | null)[] = [];
  for (const { studentId, status } of input.statuses) {
    if (status !== 'absent' && status !== 'late') continue;
    for (const parent of input.parents.filter((p) => p.childId === studentId)) {
      out.push(notice(parent, status, `${status}:${input.sessionId}:${studentId}:${parent.userId}`, studentId));
    }
  }
  if (input.teacherAbsent) {
    for (const admin of input.admins) out.push(notice(admin, 'teacher-absent', `teacher-absent:${input.sessionId}:${admin.userId}`));
  }
  return dedupe(out);
}

/** Cancelled or rescheduled: the whole audience; a reschedule is keyed by the new time, so moving it again notifies again. */
export function changeNotices(input: { sessionId: number; change: 'cancelled' | 'rescheduled'; startsAt: Date; members: Member[] }): Notice[] {
  const suffix = input.change === 'rescheduled' ? `:${input.startsAt.toISOString()}` : '';
  return dedupe(input.members.map((m) => notice(m, input.change, `${input.change}:${input.sessionId}:${m.userId}${suffix}`)));
}

/** A finished recording, when the academy shares recordings with students: the students and their parents. */
export function recordingNotices(input: { sessionId: number; recordingId: number; members: Member[]; shared: boolean }): Notice[] {
  if (!input.shared) return [];
  return dedupe(input.members.filter((m) => m.as !== 'teacher').map((m) => notice(m, 'recording-ready', `recording-ready:${input.recordingId}:${m.userId}`)));
}
