/**
 * Recording against the real livekit-server, which has no egress service
 * here: the clear error; egress webhooks (signed, out of order, repeated)
 * driving the state; the egress request we send, captured at the SDK's RPC
 * boundary; who may start, stop and watch.
 */
import { eq } from 'drizzle-orm';
import { EgressInfo, EgressStatus, TokenVerifier, WebhookEvent } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academyVideoSettings, recordings } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';
import type { Actor } from '@/server/lib/actor';
import { resolveRecordingStorage } from '@/server/recording-config';
import { createMeeting } from '@/server/modules/meetings';
import { participantIdentity } from '@/shared/classroom/identity';
import { startEgressCapture, type EgressCapture } from '@/server/testing/egress-capture';
import { createAcademy, createCircle, createSession, createUser, linkParent, setTeacherSettings } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookRequest } from '@/server/testing/signed-webhook';
import { reconcileAttendance } from '@/server/modules/sweeps';
import { startRecordingByItself } from './start-recording';

const db = testDb();
const keys = () => integrationConfig().livekit;
const storage = resolveRecordingStorage({
  LIVEKIT_RECORDING_S3_BUCKET: 'halaqa-recordings',
  LIVEKIT_RECORDING_S3_ENDPOINT: 'http://127.0.0.1:9000',
  LIVEKIT_RECORDING_S3_ACCESS_KEY: 'halaqa-access',
  LIVEKIT_RECORDING_S3_SECRET: 'halaqa-secret',
});
let capture: EgressCapture;

/** Real DB and real livekit-server (rooms); egress either the real server's (none) or the capture. */
function depsWith(egress: 'real' | 'capture', overrides: Partial<Deps> = {}): Deps {
  return testDeps({ recordingStorage: storage, ...(egress === 'capture' ? { egress: capture.gateway(keys().apiKey, keys().apiSecret) } : {}), ...overrides });
}

async function classroom(settings: Partial<typeof academyVideoSettings.$inferInsert> = { recordingAllowed: true }) {
  const academy = await createAcademy(db, {}, settings);
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher', name: 'أحمد' });
  const student = await createUser(db, { academyId: academy.id, role: 'student', name: 'مريم' });
  const admin = await createUser(db, { academyId: academy.id, role: 'academy_admin' });
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
  return { academy, teacher: actorOf(teacher), student: actorOf(student), admin: actorOf(admin), session };
}

async function withRoom(settings?: Partial<typeof academyVideoSettings.$inferInsert>) {
  const c = await classroom(settings);
  const { meeting } = await createMeeting(testDeps(), { sessionId: c.session.id, createdBy: null });
  return { ...c, meeting };
}

const rowsOf = (sessionId: number) => db.select().from(recordings).where(eq(recordings.sessionId, sessionId)).orderBy(recordings.id);

type Code = 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PRECONDITION_FAILED';

async function expectCode(promise: Promise<unknown>, code: Code, message?: RegExp) {
  await expect(promise).rejects.toMatchObject({ name: 'TRPCError', code, ...(message ? { message: expect.stringMatching(message) } : {}) });
}

/**
 * A refusal the installation causes (issue 14): the message is for the person reading it, the
 * reason keys its translation, and the technical detail rides along for the log and super admins.
 */
async function expectRefusal(promise: Promise<unknown>, code: Code, reason: string | undefined, message: RegExp, detail: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; cause?: { reason?: string; detail?: string } },
  );
  expect(error, 'refused').not.toBeNull();
  expect(error!.code).toBe(code);
  expect(error!.message).toMatch(message);
  expect(error!.message, 'no technical detail in the message').not.toMatch(/LIVEKIT_|egress|LiveKit|Redis/);
  expect(error!.cause?.reason).toBe(reason);
  expect(error!.cause?.detail).toMatch(detail);
}

beforeAll(async () => {
  capture = await startEgressCapture();
});

afterAll(async () => {
  await capture.close();
  await closeTestDb();
});

describe('without an egress service or storage', () => {
  it('answers PRECONDITION_FAILED saying the recording service is unavailable (detail: the missing egress service of the real livekit-server) and stores nothing', async () => {
    const { teacher, session } = await withRoom();
    await expectRefusal(
      callerFor(depsWith('real'), teacher).recording.start({ sessionId: session.id }),
      'PRECONDITION_FAILED',
      'recording-service',
      /^The recording service is not available right now/,
      /No LiveKit egress service.*egress not connected/,
    );
    expect(await rowsOf(session.id)).toEqual([]);
  });

  it('answers PRECONDITION_FAILED before asking LiveKit: storage is not set up (detail: the unset variables)', async () => {
    const { teacher, session } = await withRoom();
    const before = capture.calls.length;
    await expectRefusal(
      callerFor(depsWith('capture', { recordingStorage: resolveRecordingStorage({}) }), teacher).recording.start({ sessionId: session.id }),
      'PRECONDITION_FAILED',
      'recording-storage',
      /^Recording is not set up on this installation yet\. Ask the platform administrator\.$/,
      /LIVEKIT_RECORDING_S3_BUCKET, LIVEKIT_RECORDING_S3_ACCESS_KEY, LIVEKIT_RECORDING_S3_SECRET/,
    );
    expect(capture.calls.length).toBe(before);
    expect(await rowsOf(session.id)).toEqual([]);
    // The session page learns the same reason before anyone clicks; the variables only a super admin sees.
    const noStorage = depsWith('capture', { recordingStorage: resolveRecordingStorage({}) });
    const listed = await callerFor(noStorage, teacher).recording.list({ sessionId: session.id });
    expect(listed).toMatchObject({ canManage: true, allowed: true, unavailableCode: 'recording-storage', unavailableReason: expect.stringMatching(/^Recording is not set up/), unavailableDetail: null });
    const superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
    const forSuper = await callerFor(noStorage, superAdmin).recording.list({ sessionId: session.id });
    expect(forSuper.unavailableDetail).toMatch(/^Recording storage is not configured: set LIVEKIT_RECORDING_S3_BUCKET/);
  });

  it('answers PRECONDITION_FAILED when video itself is unavailable', async () => {
    const { teacher, session } = await withRoom();
    await expectRefusal(
      callerFor(depsWith('real', { egress: null, videoUnavailableReason: 'LIVEKIT_URL is not set' }), teacher).recording.start({ sessionId: session.id }),
      'PRECONDITION_FAILED',
      'video-unavailable',
      /^Video is not available right now/,
      /LIVEKIT_URL is not set/,
    );
  });

  it('stop: CONFLICT when nothing records; PRECONDITION_FAILED from the real server for a running one, which stays as it was', async () => {
    const { teacher, session, meeting } = await withRoom();
    await expectCode(callerFor(depsWith('real'), teacher).recording.stop({ sessionId: session.id }), 'CONFLICT', /Nothing is being recorded/);
    await deliver(egressEvent('egress_started', { egressId: 'EG_realstop1', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 1n }));
    await expectRefusal(callerFor(depsWith('real'), teacher).recording.stop({ sessionId: session.id }), 'PRECONDITION_FAILED', 'recording-service', /^The recording service/, /egress not connected/);
    expect(await rowsOf(session.id)).toMatchObject([{ egressId: 'EG_realstop1', status: 'active', stoppedBy: null }]);
  });

  it('refuses a session whose room is not open, and one the settings do not allow', async () => {
    const noRoom = await classroom();
    await expectCode(callerFor(depsWith('capture'), noRoom.teacher).recording.start({ sessionId: noRoom.session.id }), 'PRECONDITION_FAILED', /start the meeting first/);
    const off = await withRoom({ recordingAllowed: false });
    await expectCode(callerFor(depsWith('capture'), off.teacher).recording.start({ sessionId: off.session.id }), 'FORBIDDEN', /turned off/);
    // The academy's switch wins: no teacher setting turns recording on where the academy does not allow it…
    await setTeacherSettings(db, { userId: off.teacher.id, academyId: off.academy.id, recordingEnabled: true });
    await expectCode(callerFor(depsWith('capture'), off.teacher).recording.start({ sessionId: off.session.id }), 'FORBIDDEN', /turned off/);
    // …and a teacher may keep their own classes unrecorded where it does.
    const on = await withRoom({ recordingAllowed: true });
    await setTeacherSettings(db, { userId: on.teacher.id, academyId: on.academy.id, recordingEnabled: false });
    await expectCode(callerFor(depsWith('capture'), on.admin).recording.start({ sessionId: on.session.id }), 'FORBIDDEN');
  });
});

describe('the egress request', () => {
  it('asks for a room-composite of the session’s room, with the layout, to the configured S3 bucket, under academy/room/start-time', async () => {
    const { academy, teacher, session, meeting } = await withRoom();
    const before = capture.calls.length;
    const result = await callerFor(depsWith('capture'), teacher).recording.start({ sessionId: session.id, layout: 'speaker' });
    expect(result.started).toBe(true);

    const [list, start] = capture.calls.slice(before);
    expect(list).toMatchObject({ method: 'ListEgress', body: { roomName: meeting.roomName, active: true } });
    expect(start!.method).toBe('StartRoomCompositeEgress');
    expect(start!.body).toMatchObject({
      roomName: meeting.roomName,
      layout: 'speaker',
      fileOutputs: [
        {
          fileType: 'MP4',
          filepath: expect.stringMatching(new RegExp(`^${academy.slug}/${meeting.roomName}/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.mp4$`)),
          s3: { bucket: 'halaqa-recordings', accessKey: 'halaqa-access', secret: 'halaqa-secret', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true },
        },
      ],
    });
    expect(start!.body.fileOutputs).toHaveLength(1);
    // Signed with our API key and a recording grant, as LiveKit requires.
    const claims = await new TokenVerifier(keys().apiKey, keys().apiSecret).verify(start!.authorization!.replace(/^Bearer /, ''));
    expect(claims.video?.roomRecord).toBe(true);

    const [row] = await rowsOf(session.id);
    expect(row).toMatchObject({
      egressId: expect.stringMatching(/^EG_capture/),
      academyId: academy.id,
      status: 'starting',
      startedBy: teacher.id,
      autoStarted: false,
      layout: 'speaker',
      filePath: (start!.body.fileOutputs as { filepath: string }[])[0]!.filepath,
    });
  });

  it('starts one egress however many managers click at once, and a second start returns the running one', async () => {
    const { teacher, admin, session } = await withRoom();
    const before = capture.callsTo('StartRoomCompositeEgress').length;
    const results = await Promise.all([teacher, admin, teacher, admin, teacher].map((who) => callerFor(depsWith('capture'), who).recording.start({ sessionId: session.id })));
    expect(results.filter((r) => r.started)).toHaveLength(1);
    expect(new Set(results.map((r) => r.recording.id)).size).toBe(1);
    expect(capture.callsTo('StartRoomCompositeEgress').length - before).toBe(1);
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it('answers LiveKit’s refusals as PRECONDITION_FAILED with its reason, and stores nothing', async () => {
    const { teacher, session } = await withRoom();
    capture.answerNext('StartRoomCompositeEgress', { status: 404, json: { code: 'not_found', msg: 'requested room does not exist' } });
    await expectRefusal(callerFor(depsWith('capture'), teacher).recording.start({ sessionId: session.id }), 'PRECONDITION_FAILED', undefined, /room is not open: start the meeting first/, /no open room.*requested room does not exist/);
    capture.answerNext('StartRoomCompositeEgress', { status: 400, json: { code: 'invalid_argument', msg: 'invalid S3 credentials' } });
    await expectRefusal(callerFor(depsWith('capture'), teacher).recording.start({ sessionId: session.id }), 'PRECONDITION_FAILED', 'recording-refused', /^The recording could not be started/, /LiveKit refused the recording: .*invalid S3 credentials/);
    expect(await rowsOf(session.id)).toEqual([]);
  });

  it('adopts an egress already running in the room instead of starting a second', async () => {
    const { teacher, session, meeting } = await withRoom();
    const outside = new EgressInfo({ egressId: 'EG_outside1', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 5n });
    capture.egresses.set(outside.egressId, outside);
    const before = capture.callsTo('StartRoomCompositeEgress').length;
    const result = await callerFor(depsWith('capture'), teacher).recording.start({ sessionId: session.id });
    expect(result).toMatchObject({ started: false, recording: { status: 'active' } });
    expect(capture.callsTo('StartRoomCompositeEgress').length).toBe(before);
    expect(await rowsOf(session.id)).toMatchObject([{ egressId: 'EG_outside1' }]);
  });

  it('stops the running egress; LiveKit’s ending report and the egress_ended webhook finish it', async () => {
    const { teacher, session, meeting } = await withRoom();
    const { recording } = await callerFor(depsWith('capture'), teacher).recording.start({ sessionId: session.id });
    const [row] = await rowsOf(session.id);
    // Everyone in the room is told while it records.
    expect((await callerFor(depsWith('capture'), teacher).room.state({ sessionId: session.id })).recording).toBe(true);
    const stopped = await callerFor(depsWith('capture'), teacher).recording.stop({ sessionId: session.id });
    expect(capture.callsTo('StopEgress').at(-1)!.body).toEqual({ egressId: row!.egressId });
    expect(stopped.recordings).toMatchObject([{ id: recording.id, status: 'ending' }]);
    expect((await rowsOf(session.id))[0]).toMatchObject({ stoppedBy: teacher.id });
    expect((await callerFor(depsWith('capture'), teacher).room.state({ sessionId: session.id })).recording).toBe(false);
    await deliver(egressEvent('egress_ended', { ...completeInfo(row!.egressId, meeting.roomName) }));
    expect((await rowsOf(session.id))[0]).toMatchObject({ status: 'complete', location: 's3://halaqa-recordings/x.mp4', durationMs: 1_800_000, sizeBytes: 52_428_800 });
  });

  it('stopping an egress that already ended stores how it ended (a lost webhook does not leave it active)', async () => {
    const { teacher, session, meeting } = await withRoom();
    await callerFor(depsWith('capture'), teacher).recording.start({ sessionId: session.id });
    const [row] = await rowsOf(session.id);
    capture.egresses.set(row!.egressId, completeInfo(row!.egressId, meeting.roomName));
    await callerFor(depsWith('capture'), teacher).recording.stop({ sessionId: session.id });
    expect((await rowsOf(session.id))[0]).toMatchObject({ status: 'complete', sizeBytes: 52_428_800, stoppedBy: teacher.id });
  });
});

describe('egress webhooks', () => {
  it('drive starting → active → ending → complete, in order, shuffled or repeated, to the same final row', async () => {
    const { meeting, session } = await withRoom();
    const egressId = 'EG_hooks1';
    const life = [
      egressEvent('egress_started', { egressId, roomName: meeting.roomName, status: EgressStatus.EGRESS_STARTING, updatedAt: 10n }),
      egressEvent('egress_updated', { egressId, roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 20n }),
      egressEvent('egress_updated', { egressId, roomName: meeting.roomName, status: EgressStatus.EGRESS_ENDING, updatedAt: 30n }),
      egressEvent('egress_ended', completeInfo(egressId, meeting.roomName)),
    ];
    const seen: string[] = [];
    for (const event of life.slice(0, 3)) {
      await deliver(event);
      seen.push((await rowsOf(session.id))[0]!.status);
    }
    expect(seen).toEqual(['starting', 'active', 'ending']);
    await deliver(life[3]!);
    const final = (await rowsOf(session.id))[0];
    expect(final).toMatchObject({ status: 'complete', location: 's3://halaqa-recordings/x.mp4', durationMs: 1_800_000, sizeBytes: 52_428_800, error: null });
    expect(final!.endedAt).toEqual(new Date(1_700_000_000_000 + 1_800_000));

    // The same life delivered to another room ended-first, twice each, concurrently: same outcome.
    const other = await withRoom();
    const again = life.map((e) => relabel(e, other.meeting.roomName, 'EG_hooks2'));
    const responses = await Promise.all([...again].reverse().flatMap((e) => [deliver(e), deliver(e)]));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses.filter((r) => r.body.duplicate)).toHaveLength(4);
    const [shuffled] = await rowsOf(other.session.id);
    const pick = (r: typeof final) => ({ status: r!.status, location: r!.location, durationMs: r!.durationMs, sizeBytes: r!.sizeBytes, endedAt: r!.endedAt, error: r!.error });
    expect(pick(shuffled)).toEqual(pick(final));
  });

  it('records a failure with LiveKit’s reason, and a late “active” does not revive it', async () => {
    const { meeting, session } = await withRoom();
    await deliver(egressEvent('egress_ended', { egressId: 'EG_fail1', roomName: meeting.roomName, status: EgressStatus.EGRESS_FAILED, error: 'S3 upload failed: AccessDenied', updatedAt: 50n, endedAt: 1_700_000_000_000_000_000n }));
    await deliver(egressEvent('egress_updated', { egressId: 'EG_fail1', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 40n }));
    expect(await rowsOf(session.id)).toMatchObject([{ status: 'failed', error: 'S3 upload failed: AccessDenied' }]);
  });

  it('stores an egress for an unknown room with a flag and no recording', async () => {
    const response = await deliver(egressEvent('egress_started', { egressId: 'EG_nowhere', roomName: 'no-such-room', status: EgressStatus.EGRESS_STARTING, updatedAt: 1n }));
    expect(response.body).toMatchObject({ flag: 'unknown_room' });
    expect(await db.select().from(recordings).where(eq(recordings.egressId, 'EG_nowhere'))).toEqual([]);
  });
});

describe('the reconcile sweep', () => {
  it('asks LiveKit about recordings unfinished after a quiet while and stores how they ended; a dry run changes nothing', async () => {
    const { academy, meeting, session } = await withRoom();
    await deliver(egressEvent('egress_updated', { egressId: 'EG_lost1', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 7n }));
    await deliver(egressEvent('egress_updated', { egressId: 'EG_lost2', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 7n }));
    // The egress_ended of EG_lost1 never came; LiveKit knows it completed. EG_lost2 it no longer knows.
    capture.egresses.set('EG_lost1', completeInfo('EG_lost1', meeting.roomName));
    await db.update(recordings).set({ updatedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(recordings.sessionId, session.id));

    const dry = await reconcileAttendance(depsWith('capture'), { academy: academy.slug, dryRun: true });
    expect(dry.totals).toMatchObject({ recordingsChecked: 2, recordingsUpdated: 1 });
    expect((await rowsOf(session.id)).map((r) => r.status)).toEqual(['active', 'active']);

    const real = await reconcileAttendance(depsWith('capture'), { academy: academy.slug });
    expect(real.totals).toMatchObject({ recordingsChecked: 2, recordingsUpdated: 1 });
    expect(await rowsOf(session.id)).toMatchObject([
      { egressId: 'EG_lost1', status: 'complete', sizeBytes: 52_428_800 },
      { egressId: 'EG_lost2', status: 'active' },
    ]);
    // Without an egress service the sweep reports the failure per recording and goes on.
    await db.update(recordings).set({ updatedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(recordings.sessionId, session.id));
    const blind = await reconcileAttendance(depsWith('real'), { academy: academy.slug });
    expect(blind.academies[0]!.errors).toEqual([{ sessionId: session.id, message: expect.stringMatching(/^recording EG_lost2: .*egress not connected/) }]);
  });
});

describe('recording by itself', () => {
  it('starts once when the first participant’s join makes the session ongoing, if the settings say so', async () => {
    const { session, meeting, teacher } = await withRoom({ recordingAllowed: true, recordingDefault: true });
    expect(meeting.options).toMatchObject({ recordingEnabled: true });
    const started: number[] = [];
    const join = await handleLivekitWebhook(await signed(joinedJson(meeting.roomName, teacher, 'EV_autojoin1')), testDeps(), { onSessionStarted: (id) => started.push(id) });
    expect(join.status).toBe(200);
    expect(started).toEqual([session.id]);
    // A second participant does not start the session again.
    await handleLivekitWebhook(await signed(joinedJson(meeting.roomName, teacher, 'EV_autojoin2', 'PA_autojoin2')), testDeps(), { onSessionStarted: (id) => started.push(id) });
    expect(started).toEqual([session.id]);

    expect(await startRecordingByItself(depsWith('capture'), session.id)).toBe('started');
    expect(await startRecordingByItself(depsWith('capture'), session.id)).toBe('already');
    expect(await rowsOf(session.id)).toMatchObject([{ autoStarted: true, startedBy: null, status: 'starting' }]);
  });

  it('does nothing when the academy does not record by default, and reports (never throws) when egress is missing', async () => {
    const plain = await withRoom({ recordingAllowed: true, recordingDefault: false });
    expect(await startRecordingByItself(depsWith('capture'), plain.session.id)).toBe('off');
    const wanted = await withRoom({ recordingAllowed: true, recordingDefault: true });
    expect(await startRecordingByItself(depsWith('real'), wanted.session.id)).toBe('failed');
    expect(await rowsOf(wanted.session.id)).toEqual([]);
    const forbidden = await withRoom({ recordingAllowed: false, recordingDefault: true });
    expect(await startRecordingByItself(depsWith('capture'), forbidden.session.id)).toBe('off');
  });

  it('does not start again after a teacher stopped the automatic recording', async () => {
    const { session, teacher } = await withRoom({ recordingAllowed: true, recordingDefault: true });
    expect(await startRecordingByItself(depsWith('capture'), session.id)).toBe('started');
    await callerFor(depsWith('capture'), teacher).recording.stop({ sessionId: session.id });
    expect(await startRecordingByItself(depsWith('capture'), session.id)).toBe('already');
    expect(await rowsOf(session.id)).toHaveLength(1);
  });
});

describe('who may record and watch', () => {
  type Who = 'anonymous' | 'super_admin' | 'academy_admin' | 'supervisor' | 'teacher' | 'otherTeacher' | 'student' | 'parent' | 'outsider' | 'otherAcademyAdmin';
  const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
  let home: Awaited<ReturnType<typeof withRoom>>;

  beforeAll(async () => {
    home = await withRoom({ recordingAllowed: true });
    const away = await createAcademy(db);
    const make = (academyId: number | null, role: Actor['role']) => createUser(db, { academyId, role }).then(actorOf);
    actors.super_admin = await make(null, 'super_admin');
    actors.academy_admin = home.admin;
    actors.supervisor = await make(home.academy.id, 'supervisor');
    actors.teacher = home.teacher;
    actors.otherTeacher = await make(home.academy.id, 'teacher');
    actors.student = home.student;
    actors.parent = await make(home.academy.id, 'parent');
    await linkParent(db, home.academy.id, actors.parent.id, home.student.id);
    actors.outsider = await make(home.academy.id, 'student');
    actors.otherAcademyAdmin = await make(away.id, 'academy_admin');
    // One finished and one failed recording to look at.
    await deliver(egressEvent('egress_ended', completeInfo('EG_watch_ok', home.meeting.roomName)));
    await deliver(egressEvent('egress_ended', { egressId: 'EG_watch_bad', roomName: home.meeting.roomName, status: EgressStatus.EGRESS_FAILED, error: 'boom', updatedAt: 9n }));
  });

  const caller = (who: Who) => callerFor(depsWith('capture'), who === 'anonymous' ? null : actors[who]);
  const START: Record<Who, 'OK' | Code> = {
    anonymous: 'UNAUTHORIZED',
    super_admin: 'OK',
    academy_admin: 'OK',
    supervisor: 'OK',
    teacher: 'OK',
    otherTeacher: 'FORBIDDEN',
    student: 'FORBIDDEN',
    parent: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    otherAcademyAdmin: 'NOT_FOUND',
  };

  it.each(Object.entries(START))('start and stop as %s → %s', async (who, want) => {
    const sessionId = home.session.id;
    if (want === 'OK') {
      await expect(caller(who as Who).recording.start({ sessionId })).resolves.toMatchObject({ recording: { status: 'starting' } });
      await expect(caller(who as Who).recording.stop({ sessionId })).resolves.toMatchObject({ recordings: [{ status: 'ending' }] });
    } else {
      await expectCode(caller(who as Who).recording.start({ sessionId }), want);
      await expectCode(caller(who as Who).recording.stop({ sessionId }), want);
    }
  });

  it('lists: managers everything with reasons, observing colleagues finished ones, students and parents only when the academy shares', async () => {
    const statuses = async (who: Who) => (await caller(who).recording.list({ sessionId: home.session.id })).recordings.map((r) => r.status).sort();
    for (const who of ['super_admin', 'academy_admin', 'supervisor', 'teacher'] as const) {
      expect(await statuses(who)).toContain('failed');
    }
    // A colleague sees nothing of another teacher's session unless the academy lets teachers observe.
    await expectCode(caller('otherTeacher').recording.list({ sessionId: home.session.id }), 'FORBIDDEN');
    await db.update(academyVideoSettings).set({ teachersMayObserve: true }).where(eq(academyVideoSettings.academyId, home.academy.id));
    const staffView = await caller('otherTeacher').recording.list({ sessionId: home.session.id });
    expect(staffView).toMatchObject({ canManage: false, recordings: [{ status: 'complete', error: null, filePath: null, startedByName: null }] });
    expect(staffView.recordings).toHaveLength(1);
    await expectCode(caller('student').recording.list({ sessionId: home.session.id }), 'FORBIDDEN', /does not share recordings/);
    await expectCode(caller('parent').recording.list({ sessionId: home.session.id }), 'FORBIDDEN');
    await expectCode(caller('outsider').recording.list({ sessionId: home.session.id }), 'FORBIDDEN');
    await expectCode(caller('otherAcademyAdmin').recording.list({ sessionId: home.session.id }), 'NOT_FOUND', /^Session not found$/);
    await expectCode(caller('anonymous').recording.list({ sessionId: home.session.id }), 'UNAUTHORIZED');

    await db.update(academyVideoSettings).set({ studentsSeeRecordings: true }).where(eq(academyVideoSettings.academyId, home.academy.id));
    expect(await statuses('student')).toEqual(['complete']);
    expect(await statuses('parent')).toEqual(['complete']);
    // A finished recording comes with a signed, time-limited link into the bucket; an unfinished or failed one with none.
    const [shared] = (await caller('student').recording.list({ sessionId: home.session.id })).recordings;
    expect(shared!.downloadUrl).toMatch(/^http:\/\/127\.0\.0\.1:9000\/halaqa-recordings\/x\.mp4\?X-Amz-Expires=3600&.*X-Amz-Signature=[0-9a-f]{64}$/);
    const managed = (await caller('teacher').recording.list({ sessionId: home.session.id })).recordings;
    expect(managed.filter((r) => r.status !== 'complete').every((r) => r.downloadUrl === null)).toBe(true);
    await expectCode(caller('outsider').recording.list({ sessionId: home.session.id }), 'FORBIDDEN');
  });

  it('the admin dashboard lists the academy’s recordings, and only its own', async () => {
    const rows = await caller('academy_admin').recording.academy({});
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.sessionId === home.session.id)).toBe(true);
    expect(rows[0]).toMatchObject({ sessionTitle: home.session.title, teacherName: 'أحمد' });
    await expectCode(caller('academy_admin').recording.academy({ academyId: home.academy.id + 100_000 }), 'NOT_FOUND');
    expect(await caller('otherAcademyAdmin').recording.academy({})).toEqual([]);
    await expectCode(caller('teacher').recording.academy({}), 'FORBIDDEN');
    await expectCode(caller('student').recording.academy({}), 'FORBIDDEN');
  });
});

// --- helpers ----------------------------------------------------------------

function completeInfo(egressId: string, roomName: string) {
  return new EgressInfo({
    egressId,
    roomName,
    status: EgressStatus.EGRESS_COMPLETE,
    startedAt: 1_700_000_000_000_000_000n,
    endedAt: 1_700_000_000_000_000_000n + 1_800_000n * 1_000_000n,
    updatedAt: 1_700_000_000_000_000_000n + 1_800_000n * 1_000_000n,
    fileResults: [{ filename: 'x.mp4', location: 's3://halaqa-recordings/x.mp4', duration: 1_800_000n * 1_000_000n, size: 52_428_800n }],
  });
}

let eventCounter = 0;
function egressEvent(event: 'egress_started' | 'egress_updated' | 'egress_ended', info: EgressInfo | ConstructorParameters<typeof EgressInfo>[0]): string {
  const egressInfo = info instanceof EgressInfo ? info : new EgressInfo(info);
  const webhook = new WebhookEvent({ id: `EV_rec${++eventCounter}_${Date.now()}`, createdAt: BigInt(Math.floor(Date.now() / 1000)), egressInfo });
  // This SDK's constructor leaves `event` unset.
  webhook.event = event;
  return webhook.toJsonString();
}

/** The same event for another room and egress id, with a fresh event id. */
function relabel(json: string, roomName: string, egressId: string): string {
  const event = WebhookEvent.fromJsonString(json);
  event.id = `${event.id}_b`;
  event.egressInfo!.roomName = roomName;
  event.egressInfo!.egressId = egressId;
  return event.toJsonString();
}

async function signed(body: string) {
  return webhookRequest(body, await signWebhook(body, keys().apiKey, keys().apiSecret));
}

async function deliver(body: string): Promise<{ status: number; body: { duplicate?: boolean; flag?: string | null } }> {
  const response = await handleLivekitWebhook(await signed(body), testDeps());
  return { status: response.status, body: (await response.json()) as { duplicate?: boolean; flag?: string | null } };
}

function joinedJson(roomName: string, who: Actor, id: string, sid = `PA_${id.slice(3)}`) {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({ id, event: 'participant_joined', createdAt: String(now), room: { name: roomName }, participant: { sid, identity: participantIdentity(who.id, who.name), name: who.name, joinedAt: String(now) } });
}

