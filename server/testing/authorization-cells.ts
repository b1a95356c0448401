/**
 * The authorization matrix's one table (server/trpc/authorization-matrix.int.test.ts):
 * for every procedure, what it aims at (a session, an academy, or the
 * caller's own account), the rule that decides who may call it, how to
 * build an input for a cell (preparing what an allowed call needs: a raised
 * hand, a connected student, a running recording), and the shape of an
 * allowed answer.
 *
 * Session targets, all built fresh per cell (SPEC 2):
 * - ownCircle: the teacher's circle, with the student (and a classmate) as members;
 * - oneToOne: the teacher's one-to-one lesson with the student;
 * - course: the teacher's course session, the student enrolled;
 * - sameTeacherOtherCircle: the same teacher's other circle, without the student;
 * - otherTeacher: another teacher's circle in the same academy;
 * - otherAcademy: a session of another academy.
 */
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { attendanceRecords, roomStates, schedules, sessions, webhookEvents } from '@/server/db/schema';
import type { Db } from '@/server/db';
import type { Deps } from '@/server/deps';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { participantIdentity } from '@/shared/classroom/identity';
import { createAcademy, createCircle, createCourse, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, integrationConfig, testDeps } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';
import { resolveRecordingStorage } from '@/server/recording-config';
import type { Cell, CellSpec, MatrixFixture, Target, Want, Who } from './authorization-cell-spec';
import { GROUP_CELL_SPECS } from './group-authorization-cells';
import { TOOLS_CELL_SPECS } from './tools-authorization-cells';
import { PEOPLE_CELL_SPECS } from './people-cells';

const OWN: readonly Target[] = ['ownCircle', 'oneToOne', 'course', 'sameTeacherOtherCircle'];
const MEMBER: readonly Target[] = ['ownCircle', 'oneToOne', 'course'];
const isManager = (who: Who) => who !== 'anonymous' && isManagerRole(who);

/** How `who` relates to a session target, as sessions/access.ts decides. */
function sessionAccess(who: Exclude<Who, 'anonymous'>, target: Target) {
  const hidden = target === 'otherAcademy' && who !== 'super_admin';
  const manage = isManager(who) || (who === 'teacher' && OWN.includes(target));
  // A teacher joins only their own sessions: another teacher's only as an observer, when the academy
  // lets teachers observe colleagues (off by default, as in the matrix's academies; observers.int.test.ts).
  const join = isManager(who) || (who === 'teacher' && OWN.includes(target)) || (who !== 'teacher' && MEMBER.includes(target));
  return { hidden, manage, join };
}

export function expectedOutcome(spec: CellSpec, who: Who, target: Target): Want {
  if (who === 'anonymous') return spec.scope === 'self' && spec.rule === 'public' ? 'OK' : 'UNAUTHORIZED';
  const special = spec.except?.(who, target);
  if (special) return special;
  const otherAcademy = target === 'otherAcademy' && who !== 'super_admin';
  if (spec.scope === 'self') {
    if (spec.rule === 'parent') return who === 'parent' ? 'OK' : 'FORBIDDEN';
    if (spec.rule === 'superAdmin') return who === 'super_admin' ? 'OK' : 'FORBIDDEN';
    return 'OK';
  }
  if (spec.scope === 'academy') {
    const allowed =
      spec.rule === 'manager' ? isManager(who) : spec.rule === 'admin' ? who === 'super_admin' || who === 'academy_admin' : spec.rule === 'staff' ? isManager(who) || who === 'teacher' : true;
    if (spec.rule === 'teacherSettings') {
      // Scope first (another academy's teacher is NOT_FOUND), then the teacher themself or a manager.
      if (otherAcademy) return 'NOT_FOUND';
      return isManager(who) || who === 'teacher' ? 'OK' : 'FORBIDDEN';
    }
    if (!allowed) return 'FORBIDDEN';
    return otherAcademy ? 'NOT_FOUND' : 'OK';
  }
  const access = sessionAccess(who, target);
  // Manager-only procedures ask the role before looking the session up.
  if (spec.rule === 'manager') return !isManager(who) ? 'FORBIDDEN' : access.hidden ? 'NOT_FOUND' : 'OK';
  if (access.hidden) return 'NOT_FOUND';
  if (!access.join) return 'FORBIDDEN';
  switch (spec.rule) {
    case 'manage':
      return access.manage ? 'OK' : 'FORBIDDEN';
    case 'student':
      return who === 'student' ? 'OK' : 'FORBIDDEN';
    case 'staff':
      return who === 'student' || who === 'parent' ? 'FORBIDDEN' : 'OK';
    case 'join':
      return 'OK';
  }
}

// ---------------------------------------------------------------------------
// The fixture: two academies, every role, one audience of each kind.



export async function buildMatrixFixture(db: Db): Promise<MatrixFixture> {
  // Recording is allowed (so an allowed recording.start gets as far as the egress service), but not shared with students.
  const home = await createAcademy(db, {}, { recordingAllowed: true });
  const away = await createAcademy(db, {}, { recordingAllowed: true });
  const make = (academyId: number | null, role: Actor['role']) => createUser(db, { academyId, role }).then(actorOf);
  const actors = {
    super_admin: await make(null, 'super_admin'),
    academy_admin: await make(home.id, 'academy_admin'),
    supervisor: await make(home.id, 'supervisor'),
    teacher: await make(home.id, 'teacher'),
    student: await make(home.id, 'student'),
    parent: await make(home.id, 'parent'),
  };
  await linkParent(db, home.id, actors.parent.id, actors.student.id);
  const classmate = await make(home.id, 'student');
  const otherStudent = await make(home.id, 'student');
  const otherTeacher = await make(home.id, 'teacher');
  const awayTeacher = await make(away.id, 'teacher');
  const awayStudent = await make(away.id, 'student');
  const teacher = actors.teacher.id;
  const ownCircle = await createCircle(db, { academyId: home.id, teacherId: teacher, studentIds: [actors.student.id, classmate.id] });
  const otherCircle = await createCircle(db, { academyId: home.id, teacherId: teacher, studentIds: [otherStudent.id] });
  const course = await createCourse(db, { academyId: home.id, teacherId: teacher, studentIds: [actors.student.id, classmate.id] });
  const otherTeachersCircle = await createCircle(db, { academyId: home.id, teacherId: otherTeacher.id, studentIds: [otherStudent.id] });
  const awayCircle = await createCircle(db, { academyId: away.id, teacherId: awayTeacher.id, studentIds: [awayStudent.id] });
  const problemIdOf = { ownAcademy: `EV_matrix_home_${home.id}`, otherAcademy: `EV_matrix_away_${away.id}` };
  await db.insert(webhookEvents).values(
    [
      [problemIdOf.ownAcademy, home.id],
      [problemIdOf.otherAcademy, away.id],
    ].map(([id, academyId]) => ({
      id: id as string,
      event: 'room_finished',
      academyId: academyId as number,
      occurredAt: new Date(),
      flag: 'cannot_apply' as const,
      problem: 'A scheduled session cannot become completed',
      payload: {},
    })),
  );
  return {
    problemIdOf,
    db,
    actors,
    homeAcademyId: home.id,
    awayAcademyId: away.id,
    teacherOf: { ownAcademy: teacher, otherAcademy: awayTeacher.id },
    circleOf: { ownAcademy: ownCircle.id, otherAcademy: awayCircle.id },
    plans: {
      ownCircle: { academyId: home.id, teacherId: teacher, kind: 'quran', audience: { circleId: ownCircle.id }, subject: classmate },
      oneToOne: { academyId: home.id, teacherId: teacher, kind: 'academic', audience: { studentId: actors.student.id }, subject: actors.student },
      course: { academyId: home.id, teacherId: teacher, kind: 'interactive_course', audience: { courseId: course.id }, subject: classmate },
      sameTeacherOtherCircle: { academyId: home.id, teacherId: teacher, kind: 'quran', audience: { circleId: otherCircle.id }, subject: otherStudent },
      otherTeacher: { academyId: home.id, teacherId: otherTeacher.id, kind: 'quran', audience: { circleId: otherTeachersCircle.id }, subject: otherStudent },
      otherAcademy: { academyId: away.id, teacherId: awayTeacher.id, kind: 'quran', audience: { circleId: awayCircle.id }, subject: awayStudent },
    },
  };
}

const STORAGE = resolveRecordingStorage({
  LIVEKIT_RECORDING_S3_BUCKET: 'halaqa-recordings',
  LIVEKIT_RECORDING_S3_ENDPOINT: 'http://127.0.0.1:9000',
  LIVEKIT_RECORDING_S3_ACCESS_KEY: 'halaqa-access',
  LIVEKIT_RECORDING_S3_SECRET: 'halaqa-secret',
});

/** Real database and livekit-server (without an egress service: recording calls stop there, past authorization). */
function cellDeps(): Deps {
  return testDeps({ recordingStorage: STORAGE });
}

export async function prepareCell(fx: MatrixFixture, spec: CellSpec, who: Who, target: Target): Promise<Cell> {
  const deps = cellDeps();
  const cleanups: (() => Promise<unknown>)[] = [];
  const academyTarget = target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy';
  const plan = fx.plans[target === 'ownAcademy' || target === 'self' ? 'ownCircle' : target];
  let sessionId = 0;
  if (spec.scope === 'session' && who !== 'anonymous') {
    const session = await createSession(fx.db, { academyId: plan.academyId, teacherId: plan.teacherId, kind: plan.kind, ...plan.audience, scheduledAt: new Date() });
    sessionId = session.id;
    if (spec.meeting !== false) await createMeeting(deps, { sessionId, createdBy: null });
  }
  const cell: Cell = {
    who,
    target,
    actor: who === 'anonymous' ? null : fx.actors[who],
    deps,
    input: undefined,
    sessionId: sessionId || 2_000_000_000,
    academyId: academyTarget === 'otherAcademy' ? fx.awayAcademyId : fx.homeAcademyId,
    subject: plan.subject,
    fixture: fx,
    read: firstEventOf,
    onCleanup: (undo) => cleanups.push(undo),
    cleanup: async () => {
      for (const c of cleanups.reverse()) await c().catch(() => {});
    },
  };
  const allowed = expectedOutcome(spec, who, target) === 'OK';
  cell.input = await spec.input(cell, allowed);
  return cell;
}

/** A subscription answers with a stream: its first event is the answer whose shape counts. */
async function firstEventOf(data: unknown): Promise<unknown> {
  if (!data || typeof data !== 'object' || !(Symbol.asyncIterator in data)) return data;
  const iterator = (data as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  try {
    const first = await Promise.race([iterator.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no first event')), 10_000))]);
    return first.value;
  } finally {
    await iterator.return?.();
  }
}

// ---------------------------------------------------------------------------
// Preparing allowed cells.

const as = (c: Cell, actor: Actor) => callerFor(c.deps, actor);
const identityOf = (actor: Actor) => participantIdentity(actor.id, actor.name);

/** The subject joins the room for real, so a control aimed at them finds them there. */
async function connectSubject(c: Cell): Promise<TestParticipant> {
  const { token } = await as(c, c.subject).meeting.token({ sessionId: c.sessionId });
  const participant = await joinAsParticipant(integrationConfig().livekit.wsUrl, token);
  c.onCleanup(() => participant.disconnect());
  return participant;
}

async function setRoomState(c: Cell, values: Partial<typeof roomStates.$inferInsert>) {
  const academyId = c.target === 'otherAcademy' ? c.fixture.awayAcademyId : c.fixture.homeAcademyId;
  await c.fixture.db
    .insert(roomStates)
    .values({ sessionId: c.sessionId, academyId, ...values })
    .onConflictDoUpdate({ target: roomStates.sessionId, set: values });
}

/** An attendance record for the subject, so reads and overrides of records have one. */
async function recordFor(c: Cell) {
  await c.fixture.db.insert(attendanceRecords).values({ academyId: c.academyId, sessionId: c.sessionId, userId: c.subject.id, userType: 'student', status: 'absent' });
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const reportRange = { from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
const withAcademy = (c: Cell, extra: object = {}) => ({ academyId: c.academyId, ...extra });
const session = (c: Cell, extra: object = {}) => ({ sessionId: c.sessionId, ...extra });

// ---------------------------------------------------------------------------
// Answer shapes.

// Called at assertion time: expect.any needs the test's expect.
const any = (type: unknown) => expect.any(type);
const commandShape = (data: unknown) => expect(data).toMatchObject({ commandId: any(String) });
/** A list whose rows all have this shape (built when asserted: matchers exist only inside a test). */
const list = (item: () => object) => (data: unknown) => {
  expect(Array.isArray(data)).toBe(true);
  for (const row of data as unknown[]) expect(row).toMatchObject(item());
};

export const CELL_SPECS: Record<string, CellSpec> = {
  ...GROUP_CELL_SPECS,
  ...PEOPLE_CELL_SPECS,

  // --- meetings -------------------------------------------------------------
  'meeting.create': {
    scope: 'session',
    rule: 'manage',
    meeting: false,
    input: (c) => session(c),
    shape: (d, c) => expect(d).toMatchObject({ created: true, sessionId: c.sessionId, roomName: any(String), joinUrl: any(String), platform: 'livekit' }),
  },
  'meeting.token': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d, c) => expect(d).toMatchObject({ token: any(String), identity: expect.stringMatching(new RegExp(`^${c.actor!.id}_`)) }),
  },
  'meeting.info': { scope: 'session', rule: 'join', input: (c) => session(c), shape: (d) => expect(d).toMatchObject({ roomName: any(String) }) },
  'meeting.end': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: (d) => expect(d).toMatchObject({ status: expect.stringMatching(/^(completed|absent)$/) }) },
  'meeting.leave': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c, { participantSid: 'PA_matrixCell' }),
    shape: (d) => expect(d).toMatchObject({ recorded: expect.any(Boolean) }),
  },
  'meeting.reconcileAttendance': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: (d) => expect(d).toMatchObject({ joinsAdded: any(Number), leavesAdded: any(Number) }) },

  // --- sessions -------------------------------------------------------------
  'session.detail': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d, c) => expect(d).toMatchObject({ session: { id: c.sessionId } }),
  },
  'session.listMine': {
    scope: 'self',
    rule: 'anyone',
    input: () => ({ range: 'today' }),
    shape: list(() => ({ id: any(Number), title: any(String), status: any(String), canManage: any(Boolean) })),
  },

  // --- room controls ----------------------------------------------------------
  'room.state': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d, c) => expect(d).toMatchObject({ raisedHands: any(Array), ended: false, me: { userId: c.actor!.id } }),
  },
  // The stream's first event is the room's state (a tracked [id, data] pair).
  'room.events': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d) => expect((d as unknown[])[1]).toMatchObject({ kind: 'state', state: { raisedHands: any(Array), ended: false } }),
  },
  'room.ack': {
    scope: 'session',
    rule: 'join',
    input: async (c, allowed) => {
      if (!allowed) return session(c, { commandId: '00000000-0000-4000-8000-000000000000' });
      const { commandId } = (await as(c, c.fixture.actors.super_admin).room.muteAll(session(c))) as { commandId: string };
      return session(c, { commandId });
    },
    shape: (d) => expect(d).toEqual({ recorded: true }),
  },
  'room.sweep': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c),
    shape: (d) => expect(d).toEqual({ resent: 0, pendingAcks: 0, permissionsUpdated: 0, removed: 0, tracksMuted: 0 }),
  },
  'room.raiseHand': { scope: 'session', rule: 'student', input: (c) => session(c), shape: commandShape },
  'room.lowerHand': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await as(c, c.subject).room.raiseHand(session(c));
      return session(c, { userId: c.subject.id });
    },
    shape: commandShape,
    // The one-to-one lesson's subject is the student themself, who may lower their own hand.
    except: (who, target) => (who === 'student' && target === 'oneToOne' ? 'OK' : undefined),
  },
  'room.lowerAllHands': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: commandShape },
  'room.muteParticipant': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await connectSubject(c);
      return session(c, { identity: identityOf(c.subject) });
    },
    shape: commandShape,
  },
  'room.allowMicrophone': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await setRoomState(c, { mutedIdentities: [identityOf(c.subject)] });
      return session(c, { identity: identityOf(c.subject) });
    },
    shape: commandShape,
  },
  'room.muteAll': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: commandShape },
  'room.allowMicrophones': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: commandShape },
  'room.setPublishing': { scope: 'session', rule: 'manage', input: (c) => session(c, { allowed: false }), shape: commandShape },
  'room.removeParticipant': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await connectSubject(c);
      return session(c, { identity: identityOf(c.subject) });
    },
    shape: commandShape,
  },
  'room.readmitParticipant': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await setRoomState(c, { removedUserIds: [c.subject.id] });
      return session(c, { userId: c.subject.id });
    },
    shape: commandShape,
  },
  'room.setAnnouncement': { scope: 'session', rule: 'manage', input: (c) => session(c, { text: 'إعلان' }), shape: commandShape },
  'room.clearAnnouncement': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: commandShape },
  'room.end': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: (d) => expect(d).toMatchObject({ status: expect.stringMatching(/^(completed|absent)$/) }) },
  'room.extend': { scope: 'session', rule: 'manage', input: (c) => session(c, { minutes: 5 }), shape: (d) => expect(d).toMatchObject({ extendedMinutes: 5, plannedEnd: any(Date) }) },
  'room.allowSpeaker': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) {
        await connectSubject(c);
        await setRoomState(c, { mutedIdentities: ['*'] });
      }
      return session(c, { identity: identityOf(c.subject) });
    },
    shape: commandShape,
  },
  'room.revokeSpeaker': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await setRoomState(c, { mutedIdentities: ['*'], speakerIdentity: identityOf(c.subject) });
      return session(c);
    },
    shape: commandShape,
  },
  'room.endAtMaximum': {
    scope: 'session',
    rule: 'join',
    input: async (c, allowed) => {
      // Scheduled three hours ago: past its maximum (scheduled end + 60 minutes).
      if (allowed) await c.fixture.db.update(sessions).set({ scheduledAt: new Date(Date.now() - 3 * 3_600_000) }).where(eq(sessions.id, c.sessionId));
      return session(c);
    },
    shape: (d) => expect(d).toEqual({ ended: true }),
  },

  // --- attendance -------------------------------------------------------------
  'attendance.sessionStats': { scope: 'session', rule: 'manage', input: (c) => session(c), shape: (d, c) => expect(d).toMatchObject({ sessionId: c.sessionId }) },
  'attendance.listRecords': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await recordFor(c);
      return session(c);
    },
    shape: (d, c) => expect(d).toMatchObject([{ userId: c.subject.id, status: 'absent' }]),
  },
  'attendance.overrideStatus': {
    scope: 'session',
    rule: 'manager',
    input: async (c, allowed) => {
      if (allowed) await recordFor(c);
      return session(c, { userId: c.subject.id, status: 'present', reason: 'camera broken' });
    },
    // It looks the session up before asking the role: another academy's is NOT_FOUND for everyone.
    except: (who, target) => (target === 'otherAcademy' && who !== 'super_admin' ? 'NOT_FOUND' : undefined),
    shape: (d, c) => expect(d).toMatchObject({ sessionId: c.sessionId, userId: c.subject.id, status: 'present', overriddenBy: c.actor!.id }),
  },
  'attendance.academyStats': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c, reportRange),
    shape: (d, c) => expect(d).toMatchObject({ academyId: c.academyId, from: reportRange.from, students: { overall: any(Object) } }),
  },

  // --- recordings -----------------------------------------------------------------
  'recording.start': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c),
    shape: (d) => expect(d).toMatchObject({ started: true, recording: { id: any(Number), status: any(String) } }),
    passedAuthorization: (e) => e instanceof TRPCError && e.code === 'PRECONDITION_FAILED' && (e.cause as { reason?: string } | undefined)?.reason === 'recording-service',
  },
  'recording.stop': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c),
    shape: (d) => expect(d).toMatchObject({ recordings: [{ id: any(Number), status: any(String) }] }),
    passedAuthorization: (e) => e instanceof TRPCError && e.code === 'CONFLICT' && /^Nothing is being recorded/.test(e.message),
  },
  'recording.list': { scope: 'session', rule: 'staff', input: (c) => session(c), shape: (d) => expect(d).toMatchObject({ recordings: any(Array) }) },
  'recording.academy': { scope: 'academy', rule: 'manager', input: (c) => withAcademy(c), shape: list(() => ({ id: any(Number), sessionId: any(Number) })) },

  // --- scheduling -------------------------------------------------------------------
  'scheduling.createSession': {
    scope: 'academy',
    rule: 'manager',
    input: (c) =>
      withAcademy(c, {
        kind: 'quran',
        title: 'حلقة',
        teacherId: c.fixture.teacherOf[c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy'],
        circleId: c.fixture.circleOf[c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy'],
        localDate: future(30),
        localTime: '10:00',
        durationMinutes: 45,
      }),
    shape: (d) => expect(d).toMatchObject({ id: any(Number), status: 'scheduled' }),
  },
  'scheduling.createWeeklySchedule': {
    scope: 'academy',
    rule: 'manager',
    input: (c) =>
      withAcademy(c, {
        kind: 'quran',
        title: 'أسبوعية',
        teacherId: c.fixture.teacherOf[c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy'],
        circleId: c.fixture.circleOf[c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy'],
        weekdays: [1],
        localTime: '10:00',
        durationMinutes: 30,
        startDate: future(30),
        count: 2,
      }),
    shape: (d) => expect(d).toMatchObject({ schedule: { id: any(Number) }, sessions: [any(Object), any(Object)] }),
  },
  'scheduling.updateSession': {
    scope: 'session',
    rule: 'manager',
    meeting: false,
    input: (c) => session(c, { title: 'عنوان جديد' }),
    shape: (d, c) => expect(d).toMatchObject({ session: { id: c.sessionId, title: 'عنوان جديد' }, roomDeleted: false }),
  },
  'scheduling.cancelSession': {
    scope: 'session',
    rule: 'manager',
    meeting: false,
    input: (c) => session(c, { reason: 'عذر' }),
    shape: (d, c) => expect(d).toMatchObject({ id: c.sessionId, status: 'cancelled' }),
  },
  'scheduling.cancelSchedule': {
    scope: 'academy',
    rule: 'manager',
    input: async (c) => {
      const academyTarget = c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy';
      const [schedule] = await c.fixture.db
        .insert(schedules)
        .values({
          academyId: c.academyId,
          kind: 'quran',
          title: 'W',
          teacherId: c.fixture.teacherOf[academyTarget],
          circleId: c.fixture.circleOf[academyTarget],
          weekdays: [2],
          localTime: '09:00',
          timezone: 'Asia/Riyadh',
          durationMinutes: 30,
          startDate: future(40),
          count: 1,
        })
        .returning();
      return { scheduleId: schedule!.id, reason: 'انتهى الفصل' };
    },
    shape: (d) => expect(d).toMatchObject({ scheduleId: any(Number), cancelled: [] }),
  },
  'scheduling.listSchedules': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c),
    shape: (d, c) => {
      expect(d).toMatchObject({ items: any(Array), timezone: 'Asia/Riyadh' });
      for (const item of (d as { items: { academyId: number }[] }).items) expect(item.academyId).toBe(c.academyId);
    },
  },
  'scheduling.getVideoSettings': { scope: 'academy', rule: 'manager', input: (c) => withAcademy(c), shape: (d) => expect(d).toMatchObject({ minutesBefore: any(Number) }) },
  'scheduling.updateVideoSettings': {
    scope: 'academy',
    rule: 'admin',
    input: (c) => withAcademy(c, { minutesBefore: 30 }),
    shape: (d) => expect(d).toMatchObject({ minutesBefore: 30 }),
  },
  'scheduling.getTeacherSettings': {
    scope: 'academy',
    rule: 'teacherSettings',
    input: (c) => ({ teacherId: c.fixture.teacherOf[c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy'] }),
    shape: (d) => expect(d).toMatchObject({ teacherId: any(Number) }),
  },
  'scheduling.updateTeacherSettings': {
    scope: 'academy',
    rule: 'teacherSettings',
    input: (c) => ({ teacherId: c.fixture.teacherOf[c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy'], chat: true }),
    shape: (d) => expect(d).toMatchObject({ teacherId: any(Number) }),
  },

  // --- academies ----------------------------------------------------------------------
  'academies.list': { scope: 'self', rule: 'superAdmin', input: () => undefined, shape: list(() => ({ id: any(Number), slug: any(String) })) },
  'academies.directory': { scope: 'academy', rule: 'manager', input: (c) => withAcademy(c), shape: (d) => expect(d).toMatchObject({ teachers: any(Array) }) },
  'academies.liveMeetings': { scope: 'academy', rule: 'staff', input: (c) => withAcademy(c), shape: list(() => ({ sessionId: any(Number) })) },
  'academies.attendance': { scope: 'academy', rule: 'manager', input: (c) => withAcademy(c, reportRange), shape: (d) => expect(d).toMatchObject({ rows: any(Array) }) },
  'academies.sessions': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c, reportRange),
    shape: (d) => expect(d).toMatchObject({ rows: any(Array), total: any(Number), timezone: 'Asia/Riyadh' }),
  },

  // --- profile --------------------------------------------------------------------------
  'profile.me': { scope: 'self', rule: 'anyone', input: () => undefined, shape: (d, c) => expect(d).toMatchObject({ id: c.actor!.id, role: c.actor!.role }) },
  'profile.setLocale': { scope: 'self', rule: 'anyone', input: () => ({ locale: 'ar' }), shape: (d) => expect(d).toMatchObject({ locale: 'ar' }) },
  'profile.children': {
    scope: 'self',
    rule: 'parent',
    input: () => ({}),
    shape: (d, c) => expect(d).toMatchObject([{ childId: c.fixture.actors.student.id, counts: any(Object), sessions: any(Array) }]),
  },

  // --- notifications (the caller's own; settings and feeds belong to an academy's people) ---
  'notifications.list': { scope: 'self', rule: 'anyone', input: () => ({ limit: 10 }), shape: (d) => expect(d).toMatchObject({ items: any(Array) }) },
  // The stream's first event is the unread count.
  'notifications.unread': { scope: 'self', rule: 'anyone', input: () => undefined, shape: (d) => expect(d).toEqual(any(Number)) },
  'notifications.markRead': { scope: 'self', rule: 'anyone', input: () => ({}), shape: (d) => expect(d).toMatchObject({ marked: any(Number) }) },
  'notifications.preferences': {
    scope: 'self',
    rule: 'anyone',
    except: (who) => (who === 'super_admin' ? 'FORBIDDEN' : undefined),
    input: () => undefined,
    shape: (d) => expect(d).toMatchObject({ academyReminderMinutes: any(Number), topics: any(Array) }),
  },
  'notifications.setPreferences': {
    scope: 'self',
    rule: 'anyone',
    except: (who) => (who === 'super_admin' ? 'FORBIDDEN' : undefined),
    input: () => ({ reminderMinutes: 10, topics: [{ topic: 'reminder', email: true, inApp: true }] }),
    shape: (d) => expect(d).toMatchObject({ reminderMinutes: 10 }),
  },
  'notifications.calendarFeed': { scope: 'self', rule: 'anyone', input: () => undefined, shape: (d) => expect(d).toHaveProperty('createdAt') },
  'notifications.regenerateCalendarFeed': {
    scope: 'self',
    rule: 'anyone',
    except: (who) => (who === 'super_admin' ? 'FORBIDDEN' : undefined),
    input: () => undefined,
    shape: (d) => expect(d).toMatchObject({ url: expect.stringMatching(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/) }),
  },

  // --- sweeps -----------------------------------------------------------------------------
  'sweeps.stats': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c),
    shape: (d, c) => expect(d).toMatchObject({ academy: { academyId: c.academyId }, activeMeetings: any(Number), createdToday: any(Number) }),
  },
  'sweeps.recentRuns': { scope: 'academy', rule: 'manager', input: (c) => withAcademy(c), shape: list(() => ({ id: any(Number), job: any(String) })) },
  'sweeps.webhookProblems': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c),
    // The target academy's stored problem is listed, the other academy's is not.
    shape: (d, c) => {
      const ids = (d as { id: string; problem: string }[]).map((p) => p.id);
      const own = c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy';
      expect(ids).toContain(c.fixture.problemIdOf[own]);
      expect(ids).not.toContain(c.fixture.problemIdOf[own === 'ownAcademy' ? 'otherAcademy' : 'ownAcademy']);
    },
  },

  // --- teaching tools (server/testing/tools-authorization-cells.ts) ------------------
  ...TOOLS_CELL_SPECS,
};
