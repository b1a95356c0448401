/**
 * Recording on the real stack (scripts/infra/recording-stack.ts): a
 * livekit-server with Redis, the egress worker (Chromium, GStreamer,
 * PulseAudio) and the versitygw S3 store. Every state change comes from
 * egress's real webhooks; the file is read back from the bucket and by
 * ffprobe. Egress films server/testing/recording-page.ts here (vitest runs
 * no Next); the browser tests film Halaqa's own layout page.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { EgressClient, EgressStatus } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { recordings } from '@/server/db/schema';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { descendantsOf, killQuietly } from '@/scripts/infra/daemon';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, recordingDeps, testDb } from '@/server/testing/integration';

const db = testDb();
const deps = () => recordingDeps();
const egressClient = () => {
  const { livekit } = integrationConfig().recording;
  return new EgressClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
};

afterAll(async () => {
  await closeTestDb();
});

async function openRoom() {
  const academy = await createAcademy(db, {}, { recordingAllowed: true });
  const teacher = actorOf(await createUser(db, { academyId: academy.id, role: 'teacher', name: 'أحمد' }));
  const admin = actorOf(await createUser(db, { academyId: academy.id, role: 'academy_admin' }));
  const student = await createUser(db, { academyId: academy.id, role: 'student' });
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
  const { meeting } = await createMeeting(deps(), { sessionId: session.id, createdBy: null });
  return { academy, teacher, admin, session, meeting };
}

const rowOf = async (egressId: string) => (await db.select().from(recordings).where(eq(recordings.egressId, egressId)))[0];
/** The egress id of a recording the router returned (it shows people no egress ids). */
const egressIdOf = async (recording: { id: number }) => (await db.select().from(recordings).where(eq(recordings.id, recording.id)))[0]!.egressId;
const statusOf = async (egressId: string) => (await rowOf(egressId))?.status;

/** The `egress run-handler` process recording this egress (its request, on its command line, names the egress). */
function recorderPid(egressId: string): number | null {
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv[1] === 'run-handler' && argv.some((a) => a.includes(egressId))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

function probe(file: string) {
  const result = spawnSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[]; format: { duration: string } };
}

describe('recording on the real stack', () => {
  it('five starts at once make one egress; real webhooks take it starting → active → complete; the file is in the bucket, plays, and the signed link serves it', async () => {
    const { academy, teacher, admin, session, meeting } = await openRoom();
    const asked = Date.now();
    const results = await Promise.all([teacher, admin, teacher, admin, teacher].map((who) => callerFor(deps(), who).recording.start({ sessionId: session.id })));
    expect(results.filter((r) => r.started)).toHaveLength(1);
    expect(new Set(results.map((r) => r.recording.id)).size).toBe(1);
    const { filePath } = results[0]!.recording;
    const egressId = await egressIdOf(results[0]!.recording);
    // LiveKit itself knows one egress for the room.
    expect((await egressClient().listEgress({ roomName: meeting.roomName })).map((e) => e.egressId)).toEqual([egressId]);
    expect(filePath).toMatch(new RegExp(`^${academy.slug}/${meeting.roomName}/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.mp4$`));

    await eventually(async () => (await statusOf(egressId)) === 'active', 'egress_updated (active)', 60_000);
    console.log(`[recording] start → active in ${Date.now() - asked} ms`);
    // Everyone in the room is told while it records.
    expect((await callerFor(deps(), teacher).room.state({ sessionId: session.id })).recording).toBe(true);
    await new Promise((r) => setTimeout(r, 4_000));

    // Two stops (a double click, two managers): one stop; the second finds nothing running.
    const first = await callerFor(deps(), teacher).recording.stop({ sessionId: session.id });
    expect(first.recordings).toMatchObject([{ id: results[0]!.recording.id }]);
    expect(['ending', 'complete']).toContain(first.recordings[0]!.status);
    await expect(callerFor(deps(), admin).recording.stop({ sessionId: session.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await callerFor(deps(), teacher).room.state({ sessionId: session.id })).recording).toBe(false);

    await eventually(async () => (await statusOf(egressId)) === 'complete', 'egress_ended (complete)', 90_000);
    const row = (await rowOf(egressId))!;
    expect(row).toMatchObject({ error: null, stoppedBy: teacher.id, location: expect.stringContaining(filePath!) });
    expect(row.durationMs).toBeGreaterThan(3_000);
    expect((await egressClient().listEgress({ egressId }))[0]!.status).toBe(EgressStatus.EGRESS_COMPLETE);

    // The object, under the key we asked for.
    const file = path.join(integrationConfig().recording.objectsDir, filePath!);
    expect(fs.statSync(file).size).toBe(row.sizeBytes);
    const probed = probe(file);
    expect(probed.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(probed.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(probed.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'opus' });
    // Egress v1.8.6 reports a web recording's duration as wall-clock time from its start signal to the
    // end, not from the file: on a busy two-core machine it came out 1.1–1.2 s short of the file
    // (ffprobe), on an idle one closer. So: within a second and a half, never longer than the file.
    const fileMs = Number(probed.format.duration) * 1000;
    expect(fileMs - row.durationMs!).toBeGreaterThan(-200);
    expect(fileMs - row.durationMs!).toBeLessThan(1_500);

    // The session page's link: signed, time-limited, and it serves exactly those bytes.
    const listed = await callerFor(deps(), teacher).recording.list({ sessionId: session.id });
    const link = listed.recordings.find((r) => r.id === row.id)!.downloadUrl!;
    expect(link).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
    const downloaded = Buffer.from(await (await fetch(link)).arrayBuffer());
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(downloaded)).toBe(sha(fs.readFileSync(file)));
    // Without the signature the bucket is closed.
    expect((await fetch(link.split('?')[0]!)).status).toBe(403);
  });

  it('egress dying mid-recording fails the recording with a reason; the restarted worker does not bring it back, and records again', async () => {
    const { teacher, session } = await openRoom();
    const { recording: started } = await callerFor(deps(), teacher).recording.start({ sessionId: session.id });
    const recording = { egressId: await egressIdOf(started) };
    await eventually(async () => (await statusOf(recording.egressId)) === 'active', 'egress_updated (active)', 60_000);
    const pid = await eventually(async () => recorderPid(recording.egressId) ?? undefined, 'the recorder process');
    // What an OOM kill or a crash does: the recorder and everything it started go at once.
    for (const p of [...descendantsOf(pid), pid]) killQuietly(p, 'SIGKILL');

    await eventually(async () => (await statusOf(recording.egressId)) === 'failed', 'egress_ended (failed)', 60_000);
    expect((await rowOf(recording.egressId))!.error).toBeTruthy();
    expect((await egressClient().listEgress({ egressId: recording.egressId }))[0]!.status).toBe(EgressStatus.EGRESS_FAILED);
    expect((await callerFor(deps(), teacher).room.state({ sessionId: session.id })).recording).toBe(false);

    // The worker shuts down after losing a recorder and is started again (as a service manager would);
    // the next start goes to it and is a new recording, the failed one stays failed.
    const next = await eventually(
      async () => {
        try {
          return await callerFor(deps(), teacher).recording.start({ sessionId: session.id });
        } catch (error) {
          if ((error as { code?: string }).code === 'PRECONDITION_FAILED') return undefined; // the worker is still restarting
          throw error;
        }
      },
      'a start on the restarted worker',
      60_000,
    );
    expect(next.started).toBe(true);
    const nextEgressId = await egressIdOf(next.recording);
    expect(nextEgressId).not.toBe(recording.egressId);
    await eventually(async () => (await statusOf(nextEgressId)) === 'active', 'the new recording active', 60_000);
    expect(await statusOf(recording.egressId)).toBe('failed');
    await callerFor(deps(), teacher).recording.stop({ sessionId: session.id });
    await eventually(async () => (await statusOf(nextEgressId)) === 'complete', 'the new recording complete', 90_000);
    expect(await statusOf(recording.egressId)).toBe('failed');
  });
});
