/**
 * Issue 17 against the real database and livekit-server, with real
 * participants and LiveKit's own webhooks: extensions and the cleanup
 * sweep, the teacher's settings in grants, the waiting room opened by the
 * teacher, one speaker after mute all, hands lowered on leave, and hidden
 * observers never counted.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { attendanceRecords, meetingCommands, roomStates, sessionExtensions, sessions, webhookEvents } from '@/server/db/schema';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { createAcademy, createCircle, createSession, createUser, setTeacherSettings } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';
import { cleanupExpiredMeetings } from '@/server/modules/sweeps';
import { createMeeting } from './create-meeting';

const db = testDb();
const MIN = 60_000;
const livekit = () => createLivekitGateway(integrationConfig().livekit);

async function academyWithClass(settings: Parameters<typeof createAcademy>[2] = {}) {
  const academy = await createAcademy(db, {}, { endBufferMinutes: 15, ...settings });
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  const student = await createUser(db, { academyId: academy.id, role: 'student' });
  const student2 = await createUser(db, { academyId: academy.id, role: 'student' });
  const supervisor = await createUser(db, { academyId: academy.id, role: 'supervisor' });
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id, student2.id] });
  /** A 60-minute session that started `minutesAgo` before `now`, with its room. */
  const session = async (now: Date, minutesAgo: number) => {
    const row = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(now.getTime() - minutesAgo * MIN), durationMinutes: 60 });
    const { meeting } = await createMeeting(testDeps(), { sessionId: row.id, createdBy: teacher.id });
    return { ...row, meeting };
  };
  return { academy, teacher, student, student2, supervisor, session };
}

const caller = (user: Parameters<typeof actorOf>[0]) => callerFor(testDeps(), actorOf(user));

async function join(user: Parameters<typeof actorOf>[0], sessionId: number, hidden?: boolean): Promise<TestParticipant & { identity: string }> {
  const t = await caller(user).meeting.token({ sessionId, ...(hidden ? { hidden } : {}) });
  return Object.assign(await joinAsParticipant(t.serverUrl, t.token), { identity: t.identity });
}

async function permissionOf(roomName: string, identity: string) {
  return (await livekit().listParticipants(roomName)).find((p) => p.identity === identity);
}

const inRoom = async (sessionId: number, userId: number) =>
  (await db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, sessionId), eq(attendanceRecords.userId, userId))))[0]?.inRoom === true;

afterAll(closeTestDb);

describe('running over and ending', () => {
  it('the sweep leaves an extended class with its teacher present alone, and ends it at the maximum with a notice', async () => {
    const now = new Date();
    const a = await academyWithClass();
    // Started 70 minutes ago: the scheduled end was 10 minutes ago.
    const session = await a.session(now, 70);
    const teacher = await join(a.teacher, session.id);
    try {
      await eventually(() => inRoom(session.id, a.teacher.id), 'the teacher’s join webhook');

      expect(await caller(a.teacher).room.extend({ sessionId: session.id, minutes: 15 })).toMatchObject({ extendedMinutes: 15 });
      const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
      expect(row!.extendedMinutes).toBe(15);
      const detail = await caller(a.teacher).session.detail({ sessionId: session.id });
      expect(detail.extensions).toEqual([{ minutes: 15, byName: a.teacher.name, at: expect.any(Date) }]);
      expect(detail.session.extendedMinutes).toBe(15);
      // Students may not extend; bad steps are refused before anything is written.
      await expect(caller(a.student).room.extend({ sessionId: session.id, minutes: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller(a.teacher).room.extend({ sessionId: session.id, minutes: 10 as 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

      // Planned end = start + 75; + the 15-minute buffer = start + 90. At start + 95 the teacher is still there.
      const later = new Date(session.scheduledAt.getTime() + 95 * MIN);
      const waiting = await cleanupExpiredMeetings(testDeps(), { now: later, academy: a.academy.slug });
      expect(waiting.academies[0]!.waiting).toEqual({ teacher_present: 1 });
      expect(await livekit().getRoom(session.meeting.roomName)).not.toBeNull();

      // Up to the maximum (scheduled end + 60) and no further.
      for (const minutes of [15, 15, 15] as const) await caller(a.teacher).room.extend({ sessionId: session.id, minutes });
      await expect(caller(a.teacher).room.extend({ sessionId: session.id, minutes: 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await db.select().from(sessionExtensions).where(eq(sessionExtensions.sessionId, session.id))).toHaveLength(4);

      const justBefore = new Date(session.scheduledAt.getTime() + 119 * MIN);
      expect((await cleanupExpiredMeetings(testDeps(), { now: justBefore, academy: a.academy.slug })).academies[0]!.sessions).toEqual([]);

      const atMaximum = new Date(session.scheduledAt.getTime() + 120 * MIN);
      const ended = await cleanupExpiredMeetings(testDeps(), { now: atMaximum, academy: a.academy.slug });
      expect(ended.academies[0]!.sessions).toEqual([{ sessionId: session.id, outcome: 'ended' }]);
      await teacher.disconnected;
      expect(await livekit().getRoom(session.meeting.roomName)).toBeNull();
      const notices = await db.select().from(meetingCommands).where(and(eq(meetingCommands.sessionId, session.id), eq(meetingCommands.type, 'meeting_ended')));
      expect(notices.map((n) => n.payload)).toEqual([{ reason: 'max_length' }]);
      // The teacher is measured against the planned span (start to start + 120): all of it after joining at start + 70.
      const [record] = await db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, session.id), eq(attendanceRecords.userId, a.teacher.id)));
      expect(record!.isFinal).toBe(true);
    } finally {
      await teacher.disconnect();
    }
  });
});

describe('the teacher’s settings and the waiting room, enforced by LiveKit', () => {
  it('students join muted, without screen share or chat, publishing nothing until the teacher arrives; one may speak after mute all', async () => {
    const now = new Date();
    const a = await academyWithClass();
    await setTeacherSettings(db, { userId: a.teacher.id, academyId: a.academy.id, muteOnJoin: true, screenShare: false, chat: false, videoQuality: 'low', maxParticipants: 4 });
    const session = await a.session(now, 5);
    expect((await livekit().getRoom(session.meeting.roomName))?.maxParticipants).toBe(4);

    const token = await caller(a.student).meeting.token({ sessionId: session.id });
    expect(token.grants).toMatchObject({ canPublish: false, canPublishData: false, canPublishSources: ['camera'] });
    expect(token.videoQuality).toBe('low');

    const s1 = await joinAsParticipant(token.serverUrl, token.token);
    const s2 = await join(a.student2, session.id);
    let teacher: TestParticipant | null = null;
    try {
      // Waiting: LiveKit refuses a microphone.
      await expect(s1.publishMicrophone()).rejects.toThrow();
      expect(await permissionOf(session.meeting.roomName, token.identity)).toMatchObject({ canPublish: false, canPublishData: false });

      teacher = await join(a.teacher, session.id);
      // The teacher's join opens the class: the waiting students' permissions are pushed.
      await eventually(async () => (await permissionOf(session.meeting.roomName, token.identity))?.canPublish === true, 'the class opening');
      const [state] = await db.select().from(roomStates).where(eq(roomStates.sessionId, session.id));
      expect(state!.teacherArrivedAt).not.toBeNull();
      expect(await permissionOf(session.meeting.roomName, token.identity)).toMatchObject({ canPublishData: false, canPublishSources: ['camera'] });

      // Let one student speak: their microphone comes back, the other's does not; then take it back.
      await caller(a.teacher).room.allowSpeaker({ sessionId: session.id, identity: token.identity });
      await eventually(async () => (await permissionOf(session.meeting.roomName, token.identity))?.canPublishSources.includes('microphone'), 'the speaker’s microphone');
      expect((await permissionOf(session.meeting.roomName, s2.identity))?.canPublishSources).toEqual(['camera']);
      const mic = await s1.publishMicrophone();
      await mic.stop();
      await caller(a.teacher).room.revokeSpeaker({ sessionId: session.id });
      await eventually(async () => (await permissionOf(session.meeting.roomName, token.identity))?.canPublishSources.includes('microphone') === false, 'the microphone taken back');
      await expect(caller(a.teacher).room.revokeSpeaker({ sessionId: session.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller(a.student).room.allowSpeaker({ sessionId: session.id, identity: s2.identity })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await Promise.all([s1.disconnect(), s2.disconnect(), teacher?.disconnect()]);
    }
  });

  it('a student’s raised hand is lowered when they leave', async () => {
    const a = await academyWithClass({ studentsTalkBeforeTeacher: true });
    const session = await a.session(new Date(), 5);
    const student = await join(a.student, session.id);
    await eventually(() => inRoom(session.id, a.student.id), 'the student’s join webhook');
    await caller(a.student).room.raiseHand({ sessionId: session.id });
    expect((await caller(a.teacher).room.state({ sessionId: session.id })).raisedHands.map((h) => h.userId)).toEqual([a.student.id]);
    // Talking before the teacher is the academy's choice: this student may publish already.
    expect((await permissionOf(session.meeting.roomName, student.identity))?.canPublish).toBe(true);
    await student.disconnect();
    await eventually(async () => (await caller(a.teacher).room.state({ sessionId: session.id })).raisedHands.length === 0, 'the hand lowered on leave');
  });
});

describe('observers', () => {
  it('a hidden supervisor is flagged at the webhook and never gets an attendance row; a visible one does', async () => {
    const a = await academyWithClass();
    const session = await a.session(new Date(), 5);
    const hidden = await join(a.supervisor, session.id, true);
    try {
      const flagged = await eventually(async () => {
        const rows = await db.select().from(webhookEvents).where(and(eq(webhookEvents.sessionId, session.id), eq(webhookEvents.identity, hidden.identity)));
        return rows.find((r) => r.event === 'participant_joined');
      }, 'the hidden join webhook');
      expect(flagged).toMatchObject({ flag: 'hidden_participant', userId: null });
      expect((await permissionOf(session.meeting.roomName, hidden.identity))?.hidden).toBe(true);
      await hidden.disconnect();
      await eventually(async () => {
        const rows = await db.select().from(webhookEvents).where(and(eq(webhookEvents.sessionId, session.id), eq(webhookEvents.identity, hidden.identity)));
        return rows.some((r) => r.event === 'participant_left');
      }, 'the hidden leave webhook');
      expect(await db.select().from(attendanceRecords).where(eq(attendanceRecords.sessionId, session.id))).toEqual([]);
      // A teacher or student cannot ask to be hidden.
      await expect(caller(a.student).meeting.token({ sessionId: session.id, hidden: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });

      const visible = await join(a.supervisor, session.id);
      await eventually(() => inRoom(session.id, a.supervisor.id), 'the visible supervisor counted');
      await visible.disconnect();
    } finally {
      await hidden.disconnect();
    }
  });
});
