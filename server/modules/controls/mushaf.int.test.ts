/**
 * The shared Mushaf through the real stack: only the teacher or a manager
 * drives it; the view is stored in room_states (late joiners start from it)
 * and goes out on LiveKit's data channel on the classroom_tools topic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, testDb, testDeps } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';

const db = testDb();
let teacher: Actor;
let admin: Actor;
let student: Actor;
let parent: Actor;
let outsider: Actor;
let circleId: number;
let academyId: number;
const joined: TestParticipant[] = [];

beforeAll(async () => {
  const academy = await createAcademy(db);
  academyId = academy.id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher', name: 'Teacher' }));
  admin = actorOf(await createUser(db, { academyId, role: 'academy_admin', name: 'Admin' }));
  student = actorOf(await createUser(db, { academyId, role: 'student', name: 'Student' }));
  parent = actorOf(await createUser(db, { academyId, role: 'parent', name: 'Parent' }));
  await linkParent(db, academyId, parent.id, student.id);
  outsider = actorOf(await createUser(db, { academyId: (await createAcademy(db)).id, role: 'teacher', name: 'Outsider' }));
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] })).id;
});

afterAll(async () => {
  for (const p of joined) await p.disconnect().catch(() => {});
  await closeTestDb();
});

const as = (actor: Actor) => callerFor(testDeps(), actor);

async function liveSession() {
  const session = await createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: new Date(), durationMinutes: 60 });
  await as(teacher).meeting.create({ sessionId: session.id });
  return session.id;
}

describe('the shared Mushaf', () => {
  it('is driven by the teacher or a manager only; students, parents and other academies are refused and change nothing', async () => {
    const sessionId = await liveSession();
    const view = { sessionId, surah: 67, fromAyah: 1, toAyah: 5, highlight: 3 };
    await expect(as(student).mushaf.set(view)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(parent).mushaf.set(view)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).mushaf.set(view)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(student).mushaf.close({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as(student).room.state({ sessionId })).mushaf).toBeNull();
    await as(admin).mushaf.set(view);
    expect((await as(student).room.state({ sessionId })).mushaf).toEqual({ surah: 67, fromAyah: 1, toAyah: 5, highlight: 3 });
  });

  it('reaches students on the data channel, and a late joiner starts from the stored view', async () => {
    const sessionId = await liveSession();
    const token = await as(student).meeting.token({ sessionId });
    const early = await joinAsParticipant(token.serverUrl, token.token);
    joined.push(early);
    await as(teacher).mushaf.set({ sessionId, surah: 67, fromAyah: 1, toAyah: 5, highlight: 1 });
    await as(teacher).mushaf.set({ sessionId, surah: 67, fromAyah: 1, toAyah: 5, highlight: 3 });
    const received = await eventually(async () => {
      const xs = early.data.filter((d) => d.topic === 'classroom_tools' && d.from === '');
      return xs.length >= 2 && xs.map((d) => JSON.parse(d.text) as { type: string; payload: { mushaf: { highlight: number } } });
    }, 'both mushaf commands on the data channel');
    expect(received.map((c) => [c.type, c.payload.mushaf.highlight])).toEqual([
      ['mushaf_set', 1],
      ['mushaf_set', 3],
    ]);
    // Someone who comes in now (or reconnects) reads the same view from room.state.
    expect((await as(student).room.state({ sessionId })).mushaf).toMatchObject({ surah: 67, highlight: 3 });
    await as(teacher).mushaf.close({ sessionId });
    expect((await as(student).room.state({ sessionId })).mushaf).toBeNull();
  });

  it('serves the Uthmani text from the package, in the bounds the metadata gives', async () => {
    const text = await as(student).mushaf.text({ surah: 67, fromAyah: 1, toAyah: 5 });
    expect(text).toMatchObject({ surah: 67, nameEn: 'Al-Mulk' });
    expect(text.verses.map((v) => v.ayah)).toEqual([1, 2, 3, 4, 5]);
    expect(text.verses[0]!.text).toContain('تَبَٰرَكَ');
    await expect(as(student).mushaf.text({ surah: 67, fromAyah: 1, toAyah: 31 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a view outside the surah before anything is written', async () => {
    const sessionId = await liveSession();
    await expect(as(teacher).mushaf.set({ sessionId, surah: 67, fromAyah: 1, toAyah: 31, highlight: null })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(teacher).mushaf.set({ sessionId, surah: 67, fromAyah: 2, toAyah: 5, highlight: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await as(teacher).room.state({ sessionId })).mushaf).toBeNull();
  });
});
