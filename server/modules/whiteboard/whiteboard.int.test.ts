/**
 * The shared whiteboard through the real stack: only the teacher or a
 * manager opens, closes and chooses who draws; a student draws only when
 * allowed; the scene is stored in PostgreSQL (a late joiner loads it) and
 * every change goes out as a whiteboard_changed command on the
 * classroom_tools topic; the saved image is the session page's.
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
let classmate: Actor;
let parent: Actor;
let outsider: Actor;
let outsiderAdmin: Actor;
let circleId: number;
let academyId: number;
const joined: TestParticipant[] = [];

beforeAll(async () => {
  const academy = await createAcademy(db);
  academyId = academy.id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher', name: 'Teacher' }));
  admin = actorOf(await createUser(db, { academyId, role: 'academy_admin', name: 'Admin' }));
  student = actorOf(await createUser(db, { academyId, role: 'student', name: 'Student' }));
  classmate = actorOf(await createUser(db, { academyId, role: 'student', name: 'Classmate' }));
  parent = actorOf(await createUser(db, { academyId, role: 'parent', name: 'Parent' }));
  await linkParent(db, academyId, parent.id, student.id);
  const away = (await createAcademy(db)).id;
  outsider = actorOf(await createUser(db, { academyId: away, role: 'teacher', name: 'Outsider' }));
  outsiderAdmin = actorOf(await createUser(db, { academyId: away, role: 'academy_admin', name: 'Outsider admin' }));
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id, classmate.id] })).id;
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

let nonce = 1;
const stroke = (id: string, version = 1) => ({ id, type: 'freedraw', version, versionNonce: nonce++, isDeleted: false, x: 1, y: 2, points: [[0, 0], [3, 4]] });

describe('the shared whiteboard', () => {
  it('is opened, handed over and closed by the teacher or a manager only; others are refused and change nothing', async () => {
    const sessionId = await liveSession();
    const all = { sessionId, drawers: { kind: 'all' } } as const;
    await expect(as(student).whiteboard.set(all)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(parent).whiteboard.set(all)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).whiteboard.set(all)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(outsiderAdmin).whiteboard.set(all)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(student).room.state({ sessionId })).whiteboard).toBeNull();

    await as(admin).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    expect((await as(student).room.state({ sessionId })).whiteboard).toEqual({ drawers: { kind: 'teacher' }, sceneVersion: 0 });
    await expect(as(student).whiteboard.close({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as(teacher).whiteboard.close({ sessionId });
    expect((await as(student).room.state({ sessionId })).whiteboard).toBeNull();
  });

  it('lets a student draw only when the teacher allows all students or that one student', async () => {
    const sessionId = await liveSession();
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    await as(teacher).whiteboard.draw({ sessionId, elements: [stroke('t1')] });
    await expect(as(student).whiteboard.draw({ sessionId, elements: [stroke('s1')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as(student).whiteboard.scene({ sessionId })).mayDraw).toBe(false);

    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'one', userId: student.id } });
    expect((await as(student).whiteboard.scene({ sessionId })).mayDraw).toBe(true);
    await as(student).whiteboard.draw({ sessionId, elements: [stroke('s1')] });
    await expect(as(classmate).whiteboard.draw({ sessionId, elements: [stroke('c1')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(parent).whiteboard.draw({ sessionId, elements: [stroke('p1')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).whiteboard.draw({ sessionId, elements: [stroke('o1')] })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'all' } });
    await as(classmate).whiteboard.draw({ sessionId, elements: [stroke('c1')] });
    await expect(as(parent).whiteboard.draw({ sessionId, elements: [stroke('p1')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Taking the pen back: the student is refused again, and nothing of theirs is written.
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    await expect(as(student).whiteboard.draw({ sessionId, elements: [stroke('s2')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const scene = await as(teacher).whiteboard.scene({ sessionId });
    expect(scene.elements.map((e) => e.id)).toEqual(['t1', 's1', 'c1']);
    expect(scene.version).toBe(3);

    // A closed board takes no strokes, from anyone.
    await as(teacher).whiteboard.close({ sessionId });
    await expect(as(teacher).whiteboard.draw({ sessionId, elements: [stroke('t2')] })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(as(student).whiteboard.draw({ sessionId, elements: [stroke('s3')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses handing the pen to someone who is not a student of the session', async () => {
    const sessionId = await liveSession();
    await expect(as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'one', userId: parent.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'one', userId: outsider.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(teacher).room.state({ sessionId })).whiteboard).toBeNull();
  });

  it('merges strokes by element version, and a late joiner or a reload loads the current board', async () => {
    const sessionId = await liveSession();
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'all' } });
    const first = stroke('a', 1);
    await as(teacher).whiteboard.draw({ sessionId, elements: [first, stroke('b', 1)] });
    // An older edit of `a` (a slow client) does not undo the newer one; an erase (isDeleted) is kept.
    await as(student).whiteboard.draw({ sessionId, elements: [{ ...first, version: 3, x: 50 }] });
    await as(classmate).whiteboard.draw({ sessionId, elements: [{ ...first, version: 2, x: 99 }, { ...stroke('b', 2), isDeleted: true }] });
    const late = await as(parent).whiteboard.scene({ sessionId });
    expect(late).toMatchObject({ open: true, version: 3, mayDraw: false });
    expect(late.elements).toEqual([expect.objectContaining({ id: 'a', version: 3, x: 50 }), expect.objectContaining({ id: 'b', version: 2, isDeleted: true })]);
    expect((await as(student).room.state({ sessionId })).whiteboard).toEqual({ drawers: { kind: 'all' }, sceneVersion: 3 });

    // Closing keeps the scene: reopening shows the board as it was left.
    await as(teacher).whiteboard.close({ sessionId });
    expect(await as(student).whiteboard.scene({ sessionId })).toMatchObject({ open: false, version: 3, mayDraw: false });
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    expect((await as(student).room.state({ sessionId })).whiteboard).toEqual({ drawers: { kind: 'teacher' }, sceneVersion: 3 });
  });

  it('sends every change on the data channel as a scene version, never the elements themselves', async () => {
    const sessionId = await liveSession();
    const token = await as(student).meeting.token({ sessionId });
    const listener = await joinAsParticipant(token.serverUrl, token.token);
    joined.push(listener);
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    await as(teacher).whiteboard.draw({ sessionId, elements: [stroke('x')] });
    const received = await eventually(async () => {
      const xs = listener.data.filter((d) => d.topic === 'classroom_tools' && d.from === '');
      return xs.length >= 2 && xs.map((d) => JSON.parse(d.text) as { type: string; payload: Record<string, unknown> });
    }, 'both whiteboard commands on the data channel');
    expect(received.map((c) => [c.type, c.payload])).toEqual([
      ['whiteboard_set', { whiteboard: { drawers: { kind: 'teacher' }, sceneVersion: 0 } }],
      ['whiteboard_changed', { version: 1 }],
    ]);
  });

  it('refuses a board grown past its ceiling, writing nothing', async () => {
    const sessionId = await liveSession();
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    const big = (id: string) => ({ ...stroke(id), text: 'x'.repeat(250_000) });
    await as(teacher).whiteboard.draw({ sessionId, elements: [big('one')] });
    await as(teacher).whiteboard.draw({ sessionId, elements: [big('two')] });
    await expect(as(teacher).whiteboard.draw({ sessionId, elements: [big('three')] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('full') });
    const scene = await as(teacher).whiteboard.scene({ sessionId });
    expect(scene.elements.map((e) => e.id)).toEqual(['one', 'two']);
    expect(scene.version).toBe(2);
  });

  it('keeps the final board as an image for the session page, after the meeting ended too; another academy cannot see it', async () => {
    const sessionId = await liveSession();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0L9 9" stroke="#000"/></svg>';
    await expect(as(teacher).whiteboard.saveImage({ sessionId, svg })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await as(teacher).whiteboard.set({ sessionId, drawers: { kind: 'teacher' } });
    await as(teacher).whiteboard.draw({ sessionId, elements: [stroke('z')] });
    await expect(as(student).whiteboard.saveImage({ sessionId, svg })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await as(parent).whiteboard.image({ sessionId })).toBeNull();
    await as(teacher).meeting.end({ sessionId });
    await as(teacher).whiteboard.saveImage({ sessionId, svg });
    expect(await as(parent).whiteboard.image({ sessionId })).toEqual({ svg, savedAt: expect.any(String) });
    expect(await as(student).whiteboard.image({ sessionId })).toMatchObject({ svg });
    await expect(as(outsiderAdmin).whiteboard.image({ sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(outsiderAdmin).whiteboard.scene({ sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(outsider).whiteboard.saveImage({ sessionId, svg })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The meeting is over: nobody draws any more.
    await expect(as(teacher).whiteboard.draw({ sessionId, elements: [stroke('late')] })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});
