/**
 * Every procedure × every role × (own session, another teacher's session in
 * the same academy, a session of another academy), generated from one table.
 * Another academy's session must be NOT_FOUND, never data.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

type Target = 'own' | 'otherTeacher' | 'otherAcademy';
type Access = 'manage' | 'join' | 'none' | 'hidden';
type Who = 'anonymous' | 'super_admin' | 'academy_admin' | 'supervisor' | 'teacher' | 'student' | 'parent';

/** The one table: what each kind of user may do with each kind of session (docs/rules.md#who-may-do-what). */
const ACCESS: Record<Who, Record<Target, Access>> = {
  anonymous: { own: 'none', otherTeacher: 'none', otherAcademy: 'none' },
  super_admin: { own: 'manage', otherTeacher: 'manage', otherAcademy: 'manage' },
  academy_admin: { own: 'manage', otherTeacher: 'manage', otherAcademy: 'hidden' },
  supervisor: { own: 'manage', otherTeacher: 'manage', otherAcademy: 'hidden' },
  teacher: { own: 'manage', otherTeacher: 'join', otherAcademy: 'hidden' },
  student: { own: 'join', otherTeacher: 'none', otherAcademy: 'hidden' },
  parent: { own: 'join', otherTeacher: 'none', otherAcademy: 'hidden' },
};

type Procedure =
  | 'meeting.create'
  | 'meeting.token'
  | 'meeting.info'
  | 'meeting.end'
  | 'meeting.leave'
  | 'meeting.reconcileAttendance'
  | 'session.detail'
  | 'room.state'
  | 'room.raiseHand'
  | 'room.lowerAllHands'
  | 'room.muteAll'
  | 'room.setAnnouncement'
  | 'room.end'
  | 'attendance.sessionStats'
  | 'recording.list';
/**
 * What each procedure needs: to manage the session, to join it, to be one of
 * its students, or to join it as staff (recordings: the matrix's academies do
 * not share them with students and parents).
 */
const NEEDS: Record<Procedure, 'manage' | 'join' | 'student' | 'staff'> = {
  'meeting.create': 'manage',
  'meeting.end': 'manage',
  'meeting.reconcileAttendance': 'manage',
  'meeting.token': 'join',
  'meeting.info': 'join',
  'meeting.leave': 'join',
  'session.detail': 'join',
  'room.state': 'join',
  'room.raiseHand': 'student',
  'room.lowerAllHands': 'manage',
  'room.muteAll': 'manage',
  'room.setAnnouncement': 'manage',
  'room.end': 'manage',
  'attendance.sessionStats': 'manage',
  'recording.list': 'staff',
};

function expected(who: Who, target: Target, procedure: Procedure): 'OK' | TRPCError['code'] {
  if (who === 'anonymous') return 'UNAUTHORIZED';
  const access = ACCESS[who][target];
  if (access === 'hidden') return 'NOT_FOUND';
  if (access === 'none') return 'FORBIDDEN';
  if (NEEDS[procedure] === 'manage' && access !== 'manage') return 'FORBIDDEN';
  if (NEEDS[procedure] === 'student' && who !== 'student') return 'FORBIDDEN';
  if (NEEDS[procedure] === 'staff' && (who === 'student' || who === 'parent')) return 'FORBIDDEN';
  return 'OK';
}

const db = testDb();
const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
const teachers = {} as Record<Target, number>;
const circles = {} as Record<Target, number>;
const academyOf = {} as Record<Target, number>;

beforeAll(async () => {
  const home = await createAcademy(db);
  const away = await createAcademy(db);
  const make = (academyId: number | null, role: Actor['role']) => createUser(db, { academyId, role }).then(actorOf);
  actors.super_admin = await make(null, 'super_admin');
  actors.academy_admin = await make(home.id, 'academy_admin');
  actors.supervisor = await make(home.id, 'supervisor');
  actors.teacher = await make(home.id, 'teacher');
  actors.student = await make(home.id, 'student');
  actors.parent = await make(home.id, 'parent');
  await linkParent(db, home.id, actors.parent.id, actors.student.id);
  const otherTeacher = await make(home.id, 'teacher');
  const otherStudent = await make(home.id, 'student');
  const awayTeacher = await make(away.id, 'teacher');
  const awayStudent = await make(away.id, 'student');
  teachers.own = actors.teacher.id;
  teachers.otherTeacher = otherTeacher.id;
  teachers.otherAcademy = awayTeacher.id;
  academyOf.own = academyOf.otherTeacher = home.id;
  academyOf.otherAcademy = away.id;
  circles.own = (await createCircle(db, { academyId: home.id, teacherId: actors.teacher.id, studentIds: [actors.student.id] })).id;
  circles.otherTeacher = (await createCircle(db, { academyId: home.id, teacherId: otherTeacher.id, studentIds: [otherStudent.id] })).id;
  circles.otherAcademy = (await createCircle(db, { academyId: away.id, teacherId: awayTeacher.id, studentIds: [awayStudent.id] })).id;
});

afterAll(closeTestDb);

/** A fresh session per cell, so mutations in one cell never change another's answer. */
async function sessionFor(target: Target, withMeeting: boolean): Promise<number> {
  const session = await createSession(db, { academyId: academyOf[target], teacherId: teachers[target], circleId: circles[target], scheduledAt: new Date() });
  if (withMeeting) await createMeeting(testDeps(), { sessionId: session.id, createdBy: null });
  return session.id;
}

function call(procedure: Procedure, who: Who, sessionId: number) {
  const caller = callerFor(testDeps(), who === 'anonymous' ? null : actors[who]);
  switch (procedure) {
    case 'meeting.create':
      return caller.meeting.create({ sessionId });
    case 'meeting.token':
      return caller.meeting.token({ sessionId });
    case 'meeting.info':
      return caller.meeting.info({ sessionId });
    case 'meeting.end':
      return caller.meeting.end({ sessionId });
    case 'meeting.leave':
      return caller.meeting.leave({ sessionId, participantSid: 'PA_matrixCell' });
    case 'meeting.reconcileAttendance':
      return caller.meeting.reconcileAttendance({ sessionId });
    case 'session.detail':
      return caller.session.detail({ sessionId });
    case 'room.state':
      return caller.room.state({ sessionId });
    case 'room.raiseHand':
      return caller.room.raiseHand({ sessionId });
    case 'room.lowerAllHands':
      return caller.room.lowerAllHands({ sessionId });
    case 'room.muteAll':
      return caller.room.muteAll({ sessionId });
    case 'room.setAnnouncement':
      return caller.room.setAnnouncement({ sessionId, text: 'إعلان' });
    case 'room.end':
      return caller.room.end({ sessionId });
    case 'attendance.sessionStats':
      return caller.attendance.sessionStats({ sessionId });
    case 'recording.list':
      return caller.recording.list({ sessionId });
  }
}

const PROCEDURES = Object.keys(NEEDS) as Procedure[];
const WHO = Object.keys(ACCESS) as Who[];
const TARGETS: Target[] = ['own', 'otherTeacher', 'otherAcademy'];
const cells = PROCEDURES.flatMap((procedure) => WHO.flatMap((who) => TARGETS.map((target) => ({ procedure, who, target, expect: expected(who, target, procedure) }))));

describe(`authorization matrix (${PROCEDURES.length} procedures × ${WHO.length} roles × ${TARGETS.length} targets = ${cells.length} cells)`, () => {
  it('has one asserted cell per combination', () => {
    console.log(`authorization matrix: ${cells.length} cells`);
    expect(cells).toHaveLength(PROCEDURES.length * WHO.length * TARGETS.length);
  });

  it.each(cells)('$procedure as $who on $target → $expect', async ({ procedure, who, target, expect: want }) => {
    const sessionId = await sessionFor(target, procedure !== 'meeting.create');
    const outcome = await call(procedure, who, sessionId).then(
      (data) => ({ ok: true as const, data }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (want === 'OK') {
      if (!outcome.ok) throw outcome.error;
      expect(outcome.data).toBeTruthy();
    } else {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error).toBeInstanceOf(TRPCError);
        expect((outcome.error as TRPCError).code).toBe(want);
        // NOT_FOUND must look exactly like a missing session: no data in the message.
        if (want === 'NOT_FOUND') expect((outcome.error as TRPCError).message).toBe('Session not found');
      }
    }
  });

  it('answers a session that does not exist exactly like another academy’s', async () => {
    await expect(callerFor(testDeps(), actors.teacher).session.detail({ sessionId: 2_000_000_000 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Session not found' });
  });
});
