import { TokenVerifier } from 'livekit-server-sdk';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandAcks, meetingCommands } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { createCaller } from '@/server/trpc/root';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';

const db = testDb();
const admin = () => createLivekitGateway(integrationConfig().livekit);
let teacher: Actor;
let student: Actor;
let student2: Actor;
let parent: Actor;
let outsider: Actor;
let circleId: number;
let academyId: number;
const joined: TestParticipant[] = [];

beforeAll(async () => {
  // These tests are about the controls, so students publish from their join; the wait for the
  // teacher has its own tests (meetings/running-over.int.test.ts).
  const academy = await createAcademy(db, {}, { studentsTalkBeforeTeacher: true });
  academyId = academy.id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher', name: 'أحمد المعلم' }));
  student = actorOf(await createUser(db, { academyId, role: 'student', name: 'يوسف' }));
  student2 = actorOf(await createUser(db, { academyId, role: 'student', name: 'Maryam' }));
  parent = actorOf(await createUser(db, { academyId, role: 'parent', name: 'Parent' }));
  const away = await createAcademy(db);
  outsider = actorOf(await createUser(db, { academyId: away.id, role: 'teacher', name: 'Outsider' }));
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id, student2.id] })).id;
});

afterAll(async () => {
  for (const p of joined) await p.disconnect().catch(() => {});
  await closeTestDb();
});

const as = (actor: Actor, deps = testDeps()) => callerFor(deps, actor);

/** A live session with a real room. */
async function liveSession() {
  const session = await createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: new Date(), durationMinutes: 60 });
  const { roomName } = await as(teacher).meeting.create({ sessionId: session.id });
  return { sessionId: session.id, roomName };
}

async function join(actor: Actor, sessionId: number) {
  const token = await as(actor).meeting.token({ sessionId });
  const p = await joinAsParticipant(token.serverUrl, token.token);
  joined.push(p);
  return { ...p, identity: token.identity, token };
}

async function claims(token: string) {
  const { apiKey, apiSecret } = integrationConfig().livekit;
  return (await new TokenVerifier(apiKey, apiSecret).verify(token)).video!;
}

const participant = async (roomName: string, identity: string) => (await admin().listParticipants(roomName)).find((p) => p.identity === identity);

const commandsOf = (sessionId: number) => db.select().from(meetingCommands).where(eq(meetingCommands.sessionId, sessionId));

/** A publish LiveKit refuses may reject or never complete: give it a few seconds either way. */
const tryPublishMicrophone = (p: TestParticipant) =>
  Promise.race([p.publishMicrophone().then(() => 'published' as const), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3_000))]).catch(() => 'refused' as const);

describe('authority comes first', () => {
  it('refuses controls to students and parents, and hides another academy’s session', async () => {
    const { sessionId } = await liveSession();
    await expect(as(student).room.muteAll({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(student).room.setAnnouncement({ sessionId, text: 'hi' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(parent).room.raiseHand({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).room.muteAll({ sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(outsider).room.state({ sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(outsider).room.events({ sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Valid ids that name nothing to undo: refused, nothing stored.
    await expect(as(teacher).room.lowerHand({ sessionId, userId: student.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(teacher).room.readmitParticipant({ sessionId, userId: student.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(teacher).room.allowMicrophone({ sessionId, identity: `${student.id}_ywsf` })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await commandsOf(sessionId)).toHaveLength(0);
  });

  it('refuses a control on a session whose meeting has not started', async () => {
    const session = await createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: new Date() });
    await expect(as(teacher).room.muteAll({ sessionId: session.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('hands and announcements', () => {
  it('keeps raised hands and the announcement in room.state, stored as commands with ids and priority', async () => {
    const { sessionId } = await liveSession();
    await as(student).room.raiseHand({ sessionId });
    await as(student2).room.raiseHand({ sessionId });
    await as(student).room.raiseHand({ sessionId });
    await as(teacher).room.setAnnouncement({ sessionId, text: '  اقرؤوا من الآية ١  ' });

    // A late joiner (a fresh caller) sees the same state.
    const state = await as(student2).room.state({ sessionId });
    expect(state.raisedHands.map((h) => h.name)).toEqual(['يوسف', 'Maryam']);
    expect(state.announcement).toMatchObject({ text: 'اقرؤوا من الآية ١', by: 'أحمد المعلم' });
    expect(state.me).toMatchObject({ userId: student2.id, joinRole: 'student', canManage: false });

    const rows = await commandsOf(sessionId);
    expect(rows.map((r) => r.type).sort()).toEqual(['announcement_set', 'hand_raised', 'hand_raised', 'hand_raised']);
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.find((r) => r.type === 'announcement_set')).toMatchObject({ topic: 'session_announcements', priority: 2, critical: false });
    expect(rows.find((r) => r.type === 'hand_raised')).toMatchObject({ topic: 'hand_raising', priority: 1 });

    await as(student).room.lowerHand({ sessionId });
    expect((await as(teacher).room.state({ sessionId })).raisedHands.map((h) => h.userId)).toEqual([student2.id]);
    await expect(as(student).room.lowerHand({ sessionId, userId: student2.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as(teacher).room.lowerAllHands({ sessionId });
    await as(teacher).room.clearAnnouncement({ sessionId });
    expect(await as(student).room.state({ sessionId })).toMatchObject({ raisedHands: [], announcement: null });
  });
});

describe('enforced by LiveKit', () => {
  it('stop publishing: canPublish goes false, tracks go, new tokens cannot publish, and allow restores it', async () => {
    const { sessionId, roomName } = await liveSession();
    await join(teacher, sessionId);
    const s = await join(student, sessionId);
    await s.publishMicrophone();
    await eventually(async () => (await participant(roomName, s.identity))?.trackSids.length === 1, 'the student’s microphone');

    const result = await as(teacher).room.setPublishing({ sessionId, allowed: false });
    expect(result).toMatchObject({ type: 'stop_publishing', enforced: true, delivered: true });
    const after = await participant(roomName, s.identity);
    expect(after!.canPublish).toBe(false);
    await eventually(async () => (await participant(roomName, s.identity))?.trackSids.length === 0, 'LiveKit unpublishing the track');
    expect(await tryPublishMicrophone(s)).not.toBe('published');
    expect((await participant(roomName, s.identity))!.trackSids).toHaveLength(0);

    const [row] = (await commandsOf(sessionId)).filter((r) => r.type === 'stop_publishing');
    expect(row).toMatchObject({ critical: true, priority: 3, topic: 'teacher_controls', targetIdentities: [s.identity] });
    // The student got it on the data channel, from the server itself.
    await eventually(async () => s.data.some((d) => d.topic === 'teacher_controls' && d.from === '' && JSON.parse(d.text).id === row!.id), 'the data message');

    expect((await claims((await as(student2).meeting.token({ sessionId })).token)).canPublish).toBe(false);
    expect((await claims((await as(teacher).meeting.token({ sessionId })).token)).canPublish).toBe(true);

    await as(teacher).room.setPublishing({ sessionId, allowed: true });
    expect((await participant(roomName, s.identity))!.canPublish).toBe(true);
    expect((await claims((await as(student2).meeting.token({ sessionId })).token)).canPublish).toBe(true);
  });

  it('mute all: microphones muted and locked, late joiners locked too, and a student cannot publish one', async () => {
    const { sessionId, roomName } = await liveSession();
    const t = await join(teacher, sessionId);
    await t.publishMicrophone();
    const s = await join(student, sessionId);
    await s.publishMicrophone();
    await eventually(async () => (await participant(roomName, s.identity))?.trackSids.length === 1, 'the student’s microphone');

    const result = await as(teacher).room.muteAll({ sessionId });
    expect(result.enforced).toBe(true);
    const p = await participant(roomName, s.identity);
    expect(p!.canPublishSources).not.toContain('microphone');
    expect(p!.canPublishSources.length).toBeGreaterThan(0);
    // Muted, then unpublished because the source is no longer allowed: either way no live microphone.
    await eventually(async () => (await participant(roomName, s.identity))!.trackSids.every((tr) => tr.sourceName !== 'microphone' || tr.muted), 'the microphone muted');
    expect(await tryPublishMicrophone(s)).not.toBe('published');
    expect((await participant(roomName, s.identity))!.trackSids.filter((tr) => tr.sourceName === 'microphone' && !tr.muted)).toHaveLength(0);
    // The teacher keeps their microphone.
    expect((await participant(roomName, t.identity))!.trackSids.some((tr) => tr.sourceName === 'microphone' && !tr.muted)).toBe(true);

    const late = await claims((await as(student2).meeting.token({ sessionId })).token);
    expect(late.canPublish).toBe(true);
    expect(late.canPublishSources).toEqual(expect.arrayContaining(['camera', 'screen_share']));
    expect(late.canPublishSources).not.toContain('microphone');
    expect((await as(student).room.state({ sessionId })).micsLocked).toBe(true);

    await as(teacher).room.allowMicrophones({ sessionId });
    expect((await participant(roomName, s.identity))!.canPublishSources).toEqual([]);
    await s.publishMicrophone();
    await eventually(async () => (await participant(roomName, s.identity))!.trackSids.some((tr) => tr.sourceName === 'microphone' && !tr.muted), 'a microphone again');
  });

  it('mute one locks only that student', async () => {
    const { sessionId, roomName } = await liveSession();
    const a = await join(student, sessionId);
    const b = await join(student2, sessionId);
    await as(teacher).room.muteParticipant({ sessionId, identity: a.identity });
    expect((await participant(roomName, a.identity))!.canPublishSources).not.toContain('microphone');
    expect((await participant(roomName, b.identity))!.canPublishSources).toEqual([]);
    await expect(as(teacher).room.muteParticipant({ sessionId, identity: `${teacher.id}_ahmd-almalm` })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await as(teacher).room.allowMicrophone({ sessionId, identity: a.identity });
    expect((await participant(roomName, a.identity))!.canPublishSources).toEqual([]);
  });

  it('remove: disconnected, token refused until readmitted, and a comeback with the old token is removed again', async () => {
    const { sessionId, roomName } = await liveSession();
    const s = await join(student, sessionId);
    await as(student).room.raiseHand({ sessionId });
    await as(teacher).room.removeParticipant({ sessionId, identity: s.identity });
    await s.disconnected;
    await eventually(async () => !(await participant(roomName, s.identity)), 'the student gone from the room');
    await expect(as(student).meeting.token({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const state = await as(teacher).room.state({ sessionId });
    expect(state.removed).toEqual([{ userId: student.id, name: 'يوسف' }]);
    expect(state.raisedHands).toEqual([]);
    expect((await as(student).room.state({ sessionId })).me.removed).toBe(true);
    await expect(as(student).room.raiseHand({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A tampered client reconnecting with the token it already had: the server removes it again at
    // participant_joined, with no manager's page (and so no sweep) involved.
    const back = await joinAsParticipant(s.token.serverUrl, s.token.token);
    joined.push(back);
    await back.disconnected;
    await eventually(async () => !(await participant(roomName, s.identity)), 'the comeback gone from the room');
    expect((await as(teacher).room.sweep({ sessionId })).removed).toBe(0);

    await as(teacher).room.readmitParticipant({ sessionId, userId: student.id });
    await expect(as(student).meeting.token({ sessionId })).resolves.toMatchObject({ identity: s.identity });
  });
});

describe('acknowledgements and retries', () => {
  it('records acks per identity and resends a critical command to those who did not ack, 3 tries in all', async () => {
    const { sessionId } = await liveSession();
    const a = await join(student, sessionId);
    const b = await join(student2, sessionId);
    const { commandId } = await as(teacher).room.muteAll({ sessionId });
    const copies = (p: TestParticipant) => p.data.filter((d) => d.text.includes(commandId)).length;
    await eventually(async () => copies(a) === 1 && copies(b) === 1, 'the first send');

    expect(await as(student).room.ack({ sessionId, commandId })).toEqual({ recorded: true });
    expect(await as(student).room.ack({ sessionId, commandId })).toEqual({ recorded: false });
    const acks = await db.select().from(commandAcks).where(eq(commandAcks.commandId, commandId));
    expect(acks.map((x) => x.identity)).toEqual([a.identity]);
    expect((await as(teacher).room.state({ sessionId })).pendingAcks).toBe(1);

    // Not due yet: nothing resent.
    expect((await as(teacher).room.sweep({ sessionId })).resent).toBe(0);
    const later = (ms: number) => testDeps({ clock: { now: () => new Date(Date.now() + ms) } });
    expect((await as(teacher, later(3_000)).room.sweep({ sessionId })).resent).toBe(1);
    expect((await as(teacher, later(6_000)).room.sweep({ sessionId })).resent).toBe(1);
    const last = await as(teacher, later(9_000)).room.sweep({ sessionId });
    expect(last).toMatchObject({ resent: 0, pendingAcks: 0 });
    await eventually(async () => copies(b) === 3, 'two resends to the one who did not ack');
    expect(copies(a)).toBe(1);
    const [row] = await db.select().from(meetingCommands).where(eq(meetingCommands.id, commandId));
    expect(row!.attempts).toBe(3);
  });

  it('two sweeps at once resend a due command once', async () => {
    const { sessionId } = await liveSession();
    const s = await join(student, sessionId);
    const { commandId } = await as(teacher).room.setPublishing({ sessionId, allowed: false });
    const later = testDeps({ clock: { now: () => new Date(Date.now() + 3_000) } });
    const results = await Promise.all([as(teacher, later).room.sweep({ sessionId }), as(teacher, later).room.sweep({ sessionId })]);
    expect(results.map((r) => r.resent).sort()).toEqual([0, 1]);
    await eventually(async () => s.data.filter((d) => d.text.includes(commandId)).length === 2, 'one resend');
  });

  it('refuses an ack for a command of another session', async () => {
    const one = await liveSession();
    const other = await liveSession();
    await join(student, one.sessionId);
    const { commandId } = await as(teacher).room.muteAll({ sessionId: one.sessionId });
    await expect(as(student).room.ack({ sessionId: other.sessionId, commandId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(commandAcks).where(and(eq(commandAcks.commandId, commandId)))).toHaveLength(0);
  });
});

describe('room.events (server-sent events)', () => {
  type Item = { id: string; data: { kind: string; command?: { id: string; type: string }; state?: { announcement: unknown; ended: boolean } } };

  async function open(actor: Actor, sessionId: number, lastEventId?: string) {
    const abort = new AbortController();
    const caller = createCaller({ deps: testDeps(), actor, headers: null }, { signal: abort.signal });
    // The server-side caller yields tracked() tuples: [id, data, marker].
    const iterable = (await caller.room.events({ sessionId, lastEventId })) as unknown as AsyncIterable<[string, Item['data']]>;
    const iterator = iterable[Symbol.asyncIterator]();
    const seen: Item[] = [];
    const pump = (async () => {
      for (;;) {
        const next = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
        if (next.done) return;
        seen.push({ id: next.value[0], data: next.value[1] });
      }
    })();
    return {
      seen,
      close: async () => {
        abort.abort();
        await iterator.return?.();
        await pump;
      },
    };
  }

  it('starts with a snapshot, then carries commands from NOTIFY and attendance signals from webhooks', async () => {
    const { sessionId } = await liveSession();
    await as(teacher).room.setAnnouncement({ sessionId, text: 'before' });
    const stream = await open(student, sessionId);
    await eventually(async () => stream.seen.some((i) => i.data.kind === 'state'), 'the snapshot');
    expect(stream.seen[0]!.data.state!.announcement).toMatchObject({ text: 'before' });

    const { commandId } = await as(teacher).room.setAnnouncement({ sessionId, text: 'after' });
    await eventually(async () => stream.seen.some((i) => i.data.command?.id === commandId), 'the command on the stream');
    expect(stream.seen.find((i) => i.data.command?.id === commandId)).toMatchObject({ id: commandId, data: { command: { type: 'announcement_set' } } });

    await join(student2, sessionId);
    await eventually(async () => stream.seen.some((i) => i.data.kind === 'attendance'), 'an attendance signal from the join webhook');
    await stream.close();
  });

  it('resumes from lastEventId with the commands missed meanwhile, and replays unacked critical ones', async () => {
    const { sessionId } = await liveSession();
    await join(student, sessionId);
    const first = await as(teacher).room.setAnnouncement({ sessionId, text: 'one' });
    const mute = await as(teacher).room.muteAll({ sessionId });
    const missed = await as(teacher).room.lowerAllHands({ sessionId });
    const stream = await open(student, sessionId, `${first.commandId}:s1`);
    await eventually(async () => stream.seen.some((i) => i.data.kind === 'state'), 'the snapshot');
    const ids = stream.seen.filter((i) => i.data.kind === 'command').map((i) => i.data.command!.id);
    expect(ids).toEqual(expect.arrayContaining([mute.commandId, missed.commandId]));
    expect(ids).not.toContain(first.commandId);
    await stream.close();

    // A fresh page (no lastEventId) still gets the critical command it never acked, and not after acking.
    const fresh = await open(student, sessionId);
    await eventually(async () => fresh.seen.some((i) => i.data.kind === 'state'), 'the snapshot');
    expect(fresh.seen.filter((i) => i.data.kind === 'command').map((i) => i.data.command!.id)).toEqual([mute.commandId]);
    await fresh.close();
    await as(student).room.ack({ sessionId, commandId: mute.commandId });
    const acked = await open(student, sessionId);
    await eventually(async () => acked.seen.some((i) => i.data.kind === 'state'), 'the snapshot');
    expect(acked.seen.filter((i) => i.data.kind === 'command')).toHaveLength(0);
    await acked.close();
  });

  it('end for everyone: the room goes, and the stream carries meeting_ended to the students', async () => {
    const { sessionId, roomName } = await liveSession();
    const s = await join(student, sessionId);
    await join(teacher, sessionId);
    const stream = await open(student, sessionId);
    await eventually(async () => stream.seen.some((i) => i.data.kind === 'state'), 'the snapshot');
    const result = await as(teacher).room.end({ sessionId });
    expect(result.commandId).toMatch(/^[0-9a-f-]{36}$/);
    await s.disconnected;
    expect(await admin().getRoom(roomName)).toBeNull();
    await eventually(async () => stream.seen.some((i) => i.data.command?.type === 'meeting_ended'), 'meeting_ended on the stream');
    const [row] = await db.select().from(meetingCommands).where(eq(meetingCommands.id, result.commandId!));
    expect(row).toMatchObject({ critical: true, topic: 'system_notifications', targetIdentities: [s.identity] });
    expect((await as(student).room.state({ sessionId })).ended).toBe(true);
    // Ending again is a no-op without a second command.
    expect((await as(teacher).room.end({ sessionId })).commandId).toBeNull();
    await stream.close();
  });
});
