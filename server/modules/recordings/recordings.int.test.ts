/**
 * Recording's rules against real servers: the livekit-server without an egress
 * service (the clear errors), the one with the real recording stack
 * (recordingDeps: egress worker, versitygw) for what is sent and stored,
 * egress webhooks (signed, out of order, repeated) driving the state, the
 * reconcile sweep, who may start, stop and watch. The recording itself (file,
 * ffprobe, signed link, a dying egress) is recording-stack.int.test.ts's.
 */
import { eq } from 'drizzle-orm';
import { AccessToken, EgressClient, EgressInfo, EgressStatus, EncodedFileOutput, EncodedFileType, S3Upload, WebhookEvent } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academyVideoSettings, recordings } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';
import type { Actor } from '@/server/lib/actor';
import { resolveRecordingStorage } from '@/server/recording-config';
import { createMeeting } from '@/server/modules/meetings';
import { participantIdentity } from '@/shared/classroom/identity';
import { createAcademy, createCircle, createSession, createUser, linkParent, setTeacherSettings } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, recordingDeps, testDb, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookRequest } from '@/server/testing/signed-webhook';
import { reconcileAttendance } from '@/server/modules/sweeps';
import { getRecordingLayoutContext } from './layout-context';
import { recordingLayoutUrl, startRecordingByItself } from './start-recording';

const db = testDb();
const keys = () => integrationConfig().livekit;
/** Storage set (so a start gets as far as LiveKit) for the livekit-server without egress. */
const storage = resolveRecordingStorage({
  LIVEKIT_RECORDING_S3_BUCKET: 'halaqa-recordings',
  LIVEKIT_RECORDING_S3_ENDPOINT: 'http://127.0.0.1:9000',
  LIVEKIT_RECORDING_S3_ACCESS_KEY: 'halaqa-access',
  LIVEKIT_RECORDING_S3_SECRET: 'halaqa-secret',
});

/** 'plain': the livekit-server without an egress service; 'recording': the one with the real stack. */
type Server = 'plain' | 'recording';
function depsWith(server: Server, overrides: Partial<Deps> = {}): Deps {
  return server === 'recording' ? recordingDeps(overrides) : testDeps({ recordingStorage: storage, ...overrides });
}

const recordingEgress = () => {
  const { livekit } = integrationConfig().recording;
  return new EgressClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
};

/** Stops what a test left recording (a running egress films until its room closes). */
async function stopAll(sessionId: number, who: Actor) {
  await callerFor(depsWith('recording'), who)
    .recording.stop({ sessionId })
    .catch(() => undefined);
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

async function withRoom(settings?: Partial<typeof academyVideoSettings.$inferInsert>, server: Server = 'plain') {
  const c = await classroom(settings);
  const { meeting } = await createMeeting(depsWith(server), { sessionId: c.session.id, createdBy: null });
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

afterAll(async () => {
  await closeTestDb();
});

describe('without an egress service or storage', () => {
  it('answers PRECONDITION_FAILED saying the recording service is unavailable (detail: the missing egress service of the real livekit-server) and stores nothing', async () => {
    const { teacher, session } = await withRoom();
    await expectRefusal(
      callerFor(depsWith('plain'), teacher).recording.start({ sessionId: session.id }),
      'PRECONDITION_FAILED',
      'recording-service',
      /^The recording service is not available right now/,
      /No LiveKit egress service.*egress not connected/,
    );
    expect(await rowsOf(session.id)).toEqual([]);
  });

  it('answers PRECONDITION_FAILED before asking LiveKit: storage is not set up (detail: the unset variables)', async () => {
    const { teacher, session, meeting } = await withRoom(undefined, 'recording');
    await expectRefusal(
      callerFor(depsWith('recording', { recordingStorage: resolveRecordingStorage({}) }), teacher).recording.start({ sessionId: session.id }),
      'PRECONDITION_FAILED',
      'recording-storage',
      /^Recording is not set up on this installation yet\. Ask the platform administrator\.$/,
      /LIVEKIT_RECORDING_S3_BUCKET, LIVEKIT_RECORDING_S3_ACCESS_KEY, LIVEKIT_RECORDING_S3_SECRET/,
    );
    expect(await recordingEgress().listEgress({ roomName: meeting.roomName })).toEqual([]);
    expect(await rowsOf(session.id)).toEqual([]);
    // The session page learns the same reason before anyone clicks; the variables only a super admin sees.
    const noStorage = depsWith('recording', { recordingStorage: resolveRecordingStorage({}) });
    const listed = await callerFor(noStorage, teacher).recording.list({ sessionId: session.id });
    expect(listed).toMatchObject({ canManage: true, allowed: true, unavailableCode: 'recording-storage', unavailableReason: expect.stringMatching(/^Recording is not set up/), unavailableDetail: null });
    const superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
    const forSuper = await callerFor(noStorage, superAdmin).recording.list({ sessionId: session.id });
    expect(forSuper.unavailableDetail).toMatch(/^Recording storage is not configured: set LIVEKIT_RECORDING_S3_BUCKET/);
  });

  it('answers PRECONDITION_FAILED when video itself is unavailable', async () => {
    const { teacher, session } = await withRoom();
    await expectRefusal(
      callerFor(depsWith('plain', { egress: null, videoUnavailableReason: 'LIVEKIT_URL is not set' }), teacher).recording.start({ sessionId: session.id }),
      'PRECONDITION_FAILED',
      'video-unavailable',
      /^Video is not available right now/,
      /LIVEKIT_URL is not set/,
    );
  });

  it('stop: CONFLICT when nothing records; PRECONDITION_FAILED from the real server for a running one, which stays as it was', async () => {
    const { teacher, session, meeting } = await withRoom();
    await expectCode(callerFor(depsWith('plain'), teacher).recording.stop({ sessionId: session.id }), 'CONFLICT', /Nothing is being recorded/);
    await deliver(egressEvent('egress_started', { egressId: 'EG_realstop1', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 1n }));
    await expectRefusal(callerFor(depsWith('plain'), teacher).recording.stop({ sessionId: session.id }), 'PRECONDITION_FAILED', 'recording-service', /^The recording service/, /egress not connected/);
    expect(await rowsOf(session.id)).toMatchObject([{ egressId: 'EG_realstop1', status: 'active', stoppedBy: null }]);
  });

  it('refuses a session whose room is not open, and one the settings do not allow', async () => {
    const noRoom = await classroom();
    await expectCode(callerFor(depsWith('recording'), noRoom.teacher).recording.start({ sessionId: noRoom.session.id }), 'PRECONDITION_FAILED', /start the meeting first/);
    const off = await withRoom({ recordingAllowed: false }, 'recording');
    await expectCode(callerFor(depsWith('recording'), off.teacher).recording.start({ sessionId: off.session.id }), 'FORBIDDEN', /turned off/);
    // The academy's switch wins: no teacher setting turns recording on where the academy does not allow it…
    await setTeacherSettings(db, { userId: off.teacher.id, academyId: off.academy.id, recordingEnabled: true });
    await expectCode(callerFor(depsWith('recording'), off.teacher).recording.start({ sessionId: off.session.id }), 'FORBIDDEN', /turned off/);
    // …and a teacher may keep their own classes unrecorded where it does.
    const on = await withRoom({ recordingAllowed: true }, 'recording');
    await setTeacherSettings(db, { userId: on.teacher.id, academyId: on.academy.id, recordingEnabled: false });
    await expectCode(callerFor(depsWith('recording'), on.admin).recording.start({ sessionId: on.session.id }), 'FORBIDDEN');
  });
});

describe('the egress request', () => {
  it('asks for a room-composite of the session’s room, filmed from our layout page, with the layout, to the configured S3 bucket, under academy/room/start-time', async () => {
    const { academy, teacher, session, meeting } = await withRoom(undefined, 'recording');
    const result = await callerFor(depsWith('recording'), teacher).recording.start({ sessionId: session.id, layout: 'speaker' });
    expect(result.started).toBe(true);
    try {
      const [row] = await rowsOf(session.id);
      expect(row).toMatchObject({
        id: result.recording.id,
        academyId: academy.id,
        startedBy: teacher.id,
        autoStarted: false,
        layout: 'speaker',
        filePath: expect.stringMatching(new RegExp(`^${academy.slug}/${meeting.roomName}/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.mp4$`)),
      });
      expect(row!.egressId).toMatch(/^EG_/);
      expect(['starting', 'active']).toContain(row!.status);
      // What LiveKit itself holds as the request.
      const [info] = await recordingEgress().listEgress({ egressId: row!.egressId });
      expect(info!.request.case).toBe('roomComposite');
      const request = info!.request.value as { roomName: string; layout: string; customBaseUrl: string; fileOutputs: EncodedFileOutput[] };
      const { recording, recordingStorage } = { recording: integrationConfig().recording, recordingStorage: depsWith('recording').recordingStorage };
      expect(request).toMatchObject({ roomName: meeting.roomName, layout: 'speaker', customBaseUrl: recordingLayoutUrl(recording.appUrl) });
      expect(request.fileOutputs).toHaveLength(1);
      expect(request.fileOutputs[0]).toMatchObject({ fileType: EncodedFileType.MP4, filepath: row!.filePath });
      expect(request.fileOutputs[0]!.output).toMatchObject({ case: 's3', value: { bucket: recording.storageEnv.LIVEKIT_RECORDING_S3_BUCKET, endpoint: recording.storageEnv.LIVEKIT_RECORDING_S3_ENDPOINT, forcePathStyle: true } });
      expect(recordingStorage.ok && recordingStorage.encoding).toEqual({ audioCodec: 'opus', width: 640, height: 360, framerate: 15 });
    } finally {
      await stopAll(session.id, teacher);
    }
  });

  it('adopts an egress already running in the room instead of starting a second', async () => {
    const { teacher, session, meeting } = await withRoom(undefined, 'recording');
    const { recording } = integrationConfig();
    const env = recording.storageEnv;
    // Started outside Halaqa (another tool with the API keys), recording to the same bucket.
    const outside = await recordingEgress().startRoomCompositeEgress(
      meeting.roomName,
      {
        file: new EncodedFileOutput({
          filepath: `outside/${meeting.roomName}.mp4`,
          output: { case: 's3', value: new S3Upload({ bucket: env.LIVEKIT_RECORDING_S3_BUCKET, accessKey: env.LIVEKIT_RECORDING_S3_ACCESS_KEY, secret: env.LIVEKIT_RECORDING_S3_SECRET, endpoint: env.LIVEKIT_RECORDING_S3_ENDPOINT, region: env.LIVEKIT_RECORDING_S3_REGION, forcePathStyle: true }) },
        }),
      },
      { customBaseUrl: recordingLayoutUrl(recording.appUrl), audioOnly: false },
    );
    try {
      const result = await callerFor(depsWith('recording'), teacher).recording.start({ sessionId: session.id });
      expect(result.started).toBe(false);
      expect((await recordingEgress().listEgress({ roomName: meeting.roomName })).map((e) => e.egressId)).toEqual([outside.egressId]);
      expect(await rowsOf(session.id)).toMatchObject([{ egressId: outside.egressId }]);
    } finally {
      await stopAll(session.id, teacher);
    }
  });
});

describe('the recording layout page', () => {
  /** A token as LiveKit's egress makes for itself (protocol's BuildEgressToken): hidden, recorder, subscribe only. */
  async function egressToken(roomName: string, options: { secret?: string; recorder?: boolean; identity?: string } = {}) {
    const token = new AccessToken(keys().apiKey, options.secret ?? keys().apiSecret, { identity: options.identity ?? 'EG_layout1', ttl: 600 });
    token.addGrant({ roomJoin: true, room: roomName, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true, recorder: options.recorder ?? true });
    return token.toJwt();
  }

  it('opens only with the egress’s own token for an open meeting’s room, in the academy’s language', async () => {
    const { academy, session, meeting, teacher, admin } = await withRoom();
    const deps = testDeps();
    await expect(getRecordingLayoutContext(deps, await egressToken(meeting.roomName))).resolves.toMatchObject({
      roomName: meeting.roomName,
      egressId: 'EG_layout1',
      sessionTitle: session.title,
      academyName: academy.nameAr,
      locale: 'ar',
      teacherUserId: teacher.id,
      teacherName: 'أحمد',
    });
    const refused = async (token: string | undefined) => expect(getRecordingLayoutContext(deps, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await refused(undefined);
    await refused('not-a-token');
    // Another key's token, a participant's join token, a token for another room: nothing.
    await refused(await egressToken(meeting.roomName, { secret: 'another-secret-0123456789abcdef0123' }));
    await refused(await egressToken(meeting.roomName, { recorder: false }));
    await refused(await egressToken(meeting.roomName, { identity: participantIdentity(admin.id, admin.name) }));
    const { token: joinToken } = await callerFor(testDeps(), teacher).meeting.token({ sessionId: session.id });
    await refused(joinToken);
    await refused(await egressToken('no-such-room'));
    // Once the meeting has ended the page is gone too.
    await callerFor(testDeps(), teacher).meeting.end({ sessionId: session.id });
    await refused(await egressToken(meeting.roomName));
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
  it('asks LiveKit about recordings unfinished after a quiet while and stores how they ended; a dry run changes nothing; stop does the same', async () => {
    const { academy, session, teacher } = await withRoom(undefined, 'recording');
    await callerFor(depsWith('recording'), teacher).recording.start({ sessionId: session.id });
    await eventually(async () => (await rowsOf(session.id))[0]?.status === 'active', 'egress_updated (active)', 60_000);
    // Stopped outside Halaqa; the real webhooks finish the row.
    await recordingEgress().stopEgress((await rowsOf(session.id))[0]!.egressId);
    await eventually(async () => (await rowsOf(session.id))[0]?.status === 'complete', 'egress_ended (complete)', 90_000);
    const ended = (await rowsOf(session.id))[0]!;
    // As if egress_ended had been lost: the row still says active, and has not heard anything for a while.
    const lose = () =>
      db
        .update(recordings)
        .set({ status: 'active', progress: 1, egressUpdatedNs: 1n, endedAt: null, location: null, durationMs: null, sizeBytes: null, updatedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(recordings.id, ended.id));
    await lose();

    const dry = await reconcileAttendance(depsWith('recording'), { academy: academy.slug, dryRun: true });
    expect(dry.totals).toMatchObject({ recordingsChecked: 1, recordingsUpdated: 1 });
    expect((await rowsOf(session.id))[0]!.status).toBe('active');

    const real = await reconcileAttendance(depsWith('recording'), { academy: academy.slug });
    expect(real.totals).toMatchObject({ recordingsChecked: 1, recordingsUpdated: 1 });
    const pick = (r: typeof ended) => ({ status: r.status, location: r.location, durationMs: r.durationMs, sizeBytes: r.sizeBytes, endedAt: r.endedAt });
    expect(pick((await rowsOf(session.id))[0]!)).toEqual(pick(ended));

    // A stop that finds the egress already ended stores how it ended too.
    await lose();
    await callerFor(depsWith('recording'), teacher).recording.stop({ sessionId: session.id });
    expect((await rowsOf(session.id))[0]).toMatchObject({ ...pick(ended), stoppedBy: teacher.id });
  });

  it('without an egress service the sweep reports the failure per recording and goes on', async () => {
    const { academy, meeting, session } = await withRoom();
    await deliver(egressEvent('egress_updated', { egressId: 'EG_lost2', roomName: meeting.roomName, status: EgressStatus.EGRESS_ACTIVE, updatedAt: 7n }));
    await db.update(recordings).set({ updatedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(recordings.sessionId, session.id));
    const blind = await reconcileAttendance(depsWith('plain'), { academy: academy.slug });
    expect(blind.academies[0]!.errors).toEqual([{ sessionId: session.id, message: expect.stringMatching(/^recording EG_lost2: .*egress not connected/) }]);
    expect((await rowsOf(session.id))[0]!.status).toBe('active');
  });
});

describe('recording by itself', () => {
  it('starts once when the first participant’s join makes the session ongoing, if the settings say so', async () => {
    const { session, meeting, teacher } = await withRoom({ recordingAllowed: true, recordingDefault: true }, 'recording');
    expect(meeting.options).toMatchObject({ recordingEnabled: true });
    const started: number[] = [];
    const join = await handleLivekitWebhook(await signed(joinedJson(meeting.roomName, teacher, 'EV_autojoin1')), depsWith('recording'), { onSessionStarted: (id) => started.push(id) });
    expect(join.status).toBe(200);
    expect(started).toEqual([session.id]);
    // A second participant does not start the session again.
    await handleLivekitWebhook(await signed(joinedJson(meeting.roomName, teacher, 'EV_autojoin2', 'PA_autojoin2')), depsWith('recording'), { onSessionStarted: (id) => started.push(id) });
    expect(started).toEqual([session.id]);

    try {
      expect(await startRecordingByItself(depsWith('recording'), session.id)).toBe('started');
      expect(await startRecordingByItself(depsWith('recording'), session.id)).toBe('already');
      expect(await rowsOf(session.id)).toMatchObject([{ autoStarted: true, startedBy: null, status: expect.stringMatching(/^(starting|active)$/) }]);
    } finally {
      await stopAll(session.id, teacher);
    }
  });

  it('does nothing when the academy does not record by default, and reports (never throws) when egress is missing', async () => {
    const plain = await withRoom({ recordingAllowed: true, recordingDefault: false });
    expect(await startRecordingByItself(depsWith('recording'), plain.session.id)).toBe('off');
    const wanted = await withRoom({ recordingAllowed: true, recordingDefault: true });
    expect(await startRecordingByItself(depsWith('plain'), wanted.session.id)).toBe('failed');
    expect(await rowsOf(wanted.session.id)).toEqual([]);
    const forbidden = await withRoom({ recordingAllowed: false, recordingDefault: true });
    expect(await startRecordingByItself(depsWith('recording'), forbidden.session.id)).toBe('off');
  });

  it('does not start again after a teacher stopped the automatic recording', async () => {
    const { session, teacher } = await withRoom({ recordingAllowed: true, recordingDefault: true }, 'recording');
    try {
      expect(await startRecordingByItself(depsWith('recording'), session.id)).toBe('started');
      await callerFor(depsWith('recording'), teacher).recording.stop({ sessionId: session.id });
      expect(await startRecordingByItself(depsWith('recording'), session.id)).toBe('already');
      expect(await rowsOf(session.id)).toHaveLength(1);
    } finally {
      await stopAll(session.id, teacher);
    }
  });

  it('does not start by itself after a teacher started and stopped one by hand', async () => {
    const { session, teacher } = await withRoom({ recordingAllowed: true, recordingDefault: true }, 'recording');
    try {
      await callerFor(depsWith('recording'), teacher).recording.start({ sessionId: session.id });
      await callerFor(depsWith('recording'), teacher).recording.stop({ sessionId: session.id });
      expect(await startRecordingByItself(depsWith('recording'), session.id)).toBe('already');
      expect(await rowsOf(session.id)).toMatchObject([{ autoStarted: false, startedBy: teacher.id }]);
    } finally {
      await stopAll(session.id, teacher);
    }
  });
});

describe('who may record and watch', () => {
  type Who = 'anonymous' | 'super_admin' | 'academy_admin' | 'supervisor' | 'teacher' | 'otherTeacher' | 'student' | 'parent' | 'outsider' | 'otherAcademyAdmin';
  const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
  let home: Awaited<ReturnType<typeof withRoom>>;
  /** A second session of the same circle, with one finished and one failed recording to look at. */
  let watched: { session: { id: number; title: string } };

  beforeAll(async () => {
    home = await withRoom({ recordingAllowed: true }, 'recording');
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
    const session = await createSession(db, { academyId: home.academy.id, teacherId: home.teacher.id, circleId: home.session.circleId!, scheduledAt: new Date() });
    const { meeting } = await createMeeting(testDeps(), { sessionId: session.id, createdBy: null });
    watched = { session };
    await deliver(egressEvent('egress_ended', completeInfo('EG_watch_ok', meeting.roomName)));
    await deliver(egressEvent('egress_ended', { egressId: 'EG_watch_bad', roomName: meeting.roomName, status: EgressStatus.EGRESS_FAILED, error: 'boom', updatedAt: 9n }));
  });

  const caller = (who: Who) => callerFor(depsWith('recording'), who === 'anonymous' ? null : actors[who]);
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
      // The real egress: starting (or already active); stopped at once it ends (or, stopped before its
      // pipeline ran, is aborted: failed). Each start is a new recording: the last one was stopped.
      const started = await caller(who as Who).recording.start({ sessionId });
      expect(started).toMatchObject({ started: true, recording: { status: expect.stringMatching(/^(starting|active)$/) } });
      const stopped = await caller(who as Who).recording.stop({ sessionId });
      expect(stopped.recordings).toMatchObject([{ id: started.recording.id, status: expect.stringMatching(/^(ending|complete|failed)$/) }]);
      expect((await db.select().from(recordings).where(eq(recordings.id, started.recording.id)))[0]!.stoppedBy).toBe(actors[who as Exclude<Who, 'anonymous'>].id);
    } else {
      await expectCode(caller(who as Who).recording.start({ sessionId }), want);
      await expectCode(caller(who as Who).recording.stop({ sessionId }), want);
    }
  });

  it('lists: managers everything with reasons, observing colleagues finished ones, students and parents only when the academy shares', async () => {
    const statuses = async (who: Who) => (await caller(who).recording.list({ sessionId: watched.session.id })).recordings.map((r) => r.status).sort();
    for (const who of ['super_admin', 'academy_admin', 'supervisor', 'teacher'] as const) {
      expect(await statuses(who)).toContain('failed');
    }
    // A colleague sees nothing of another teacher's session unless the academy lets teachers observe.
    await expectCode(caller('otherTeacher').recording.list({ sessionId: watched.session.id }), 'FORBIDDEN');
    await db.update(academyVideoSettings).set({ teachersMayObserve: true }).where(eq(academyVideoSettings.academyId, home.academy.id));
    const staffView = await caller('otherTeacher').recording.list({ sessionId: watched.session.id });
    expect(staffView).toMatchObject({ canManage: false, recordings: [{ status: 'complete', error: null, filePath: null, startedByName: null }] });
    expect(staffView.recordings).toHaveLength(1);
    await expectCode(caller('student').recording.list({ sessionId: watched.session.id }), 'FORBIDDEN', /does not share recordings/);
    await expectCode(caller('parent').recording.list({ sessionId: watched.session.id }), 'FORBIDDEN');
    await expectCode(caller('outsider').recording.list({ sessionId: watched.session.id }), 'FORBIDDEN');
    await expectCode(caller('otherAcademyAdmin').recording.list({ sessionId: watched.session.id }), 'NOT_FOUND', /^Session not found$/);
    await expectCode(caller('anonymous').recording.list({ sessionId: watched.session.id }), 'UNAUTHORIZED');

    await db.update(academyVideoSettings).set({ studentsSeeRecordings: true }).where(eq(academyVideoSettings.academyId, home.academy.id));
    expect(await statuses('student')).toEqual(['complete']);
    expect(await statuses('parent')).toEqual(['complete']);
    // A finished recording comes with a signed, time-limited link into the bucket; an unfinished or failed one with none.
    const [shared] = (await caller('student').recording.list({ sessionId: watched.session.id })).recordings;
    const endpoint = integrationConfig().recording.storageEnv.LIVEKIT_RECORDING_S3_ENDPOINT!;
    expect(shared!.downloadUrl!.startsWith(`${endpoint}/halaqa-recordings/x.mp4?X-Amz-Expires=3600&`)).toBe(true);
    expect(shared!.downloadUrl).toMatch(/X-Amz-Signature=[0-9a-f]{64}$/);
    const managed = (await caller('teacher').recording.list({ sessionId: watched.session.id })).recordings;
    expect(managed.filter((r) => r.status !== 'complete').every((r) => r.downloadUrl === null)).toBe(true);
    await expectCode(caller('outsider').recording.list({ sessionId: watched.session.id }), 'FORBIDDEN');
  });

  it('the admin dashboard lists the academy’s recordings, and only its own', async () => {
    const rows = await caller('academy_admin').recording.academy({});
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.sessionId === watched.session.id || r.sessionId === home.session.id)).toBe(true);
    expect(rows.map((r) => r.sessionTitle)).toContain(watched.session.title);
    expect(rows[0]).toMatchObject({ teacherName: 'أحمد' });
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

