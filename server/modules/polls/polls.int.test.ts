/**
 * Polls against real PostgreSQL and livekit-server: only the teacher or a
 * manager asks, closes and shows; a student answers once (the answer can
 * change until the poll closes); counts stay hidden from students until
 * shown; a late joiner reads the poll from the store.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollAnswers } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
let teacher: Actor;
let student: Actor;
let classmate: Actor;
let parent: Actor;
let outsider: Actor;
let sessionId: number;

const as = (actor: Actor) => callerFor(testDeps(), actor);

beforeAll(async () => {
  const academy = await createAcademy(db);
  const make = (role: Actor['role'], name: string) => createUser(db, { academyId: academy.id, role, name }).then(actorOf);
  teacher = await make('teacher', 'Teacher');
  student = await make('student', 'Yusuf');
  classmate = await make('student', 'Maryam');
  parent = await make('parent', 'Parent');
  await linkParent(db, academy.id, parent.id, student.id);
  outsider = actorOf(await createUser(db, { academyId: (await createAcademy(db)).id, role: 'student', name: 'Outsider' }));
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id, classmate.id] });
  sessionId = (await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() })).id;
  await as(teacher).meeting.create({ sessionId });
});

afterAll(closeTestDb);

describe('polls', () => {
  it('only the teacher or a manager asks; a student answers once, changeable until closed', async () => {
    await expect(as(student).poll.ask({ sessionId, question: 'Q?', options: ['a', 'b'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { pollId } = await as(teacher).poll.ask({ sessionId, question: 'Q?', options: ['a', 'b', 'c'] });
    await expect(as(parent).poll.answer({ sessionId, pollId, choice: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).poll.answer({ sessionId, pollId, choice: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(student).poll.answer({ sessionId, pollId, choice: 3 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await as(student).poll.answer({ sessionId, pollId, choice: 0 });
    await as(student).poll.answer({ sessionId, pollId, choice: 2 });
    await as(classmate).poll.answer({ sessionId, pollId, choice: 2 });
    const rows = await db.select().from(pollAnswers).where(eq(pollAnswers.pollId, pollId));
    expect(rows.filter((r) => r.userId === student.id)).toEqual([expect.objectContaining({ choice: 2 })]);
    await expect(as(student).poll.close({ sessionId, pollId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as(teacher).poll.close({ sessionId, pollId });
    await expect(as(student).poll.answer({ sessionId, pollId, choice: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('counts and who answered what: staff always, students and parents once shown; a late joiner reads the stored poll', async () => {
    const { pollId } = await as(teacher).poll.ask({ sessionId, question: 'Yes or no?', options: ['Yes', 'No'] });
    await as(student).poll.answer({ sessionId, pollId, choice: 1 });
    const staff = (await as(teacher).poll.listForSession({ sessionId })).polls[0]!;
    expect(staff).toMatchObject({ id: pollId, open: true, tally: { counts: [0, 1], total: 1 }, answers: [{ userId: student.id, name: 'Yusuf', choice: 1 }] });
    const late = (await as(classmate).poll.listForSession({ sessionId })).polls[0]!;
    expect(late).toMatchObject({ id: pollId, question: 'Yes or no?', open: true, myChoice: null, tally: null, answers: null });
    expect((await as(student).poll.listForSession({ sessionId })).polls[0]!.myChoice).toBe(1);
    await expect(as(student).poll.showResults({ sessionId, pollId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as(teacher).poll.showResults({ sessionId, pollId });
    expect((await as(parent).poll.listForSession({ sessionId })).polls[0]).toMatchObject({ tally: { counts: [0, 1] }, answers: null });
    // A new poll closes the one before.
    await as(teacher).poll.ask({ sessionId, question: 'Next?', options: ['a', 'b'] });
    const all = (await as(teacher).poll.listForSession({ sessionId })).polls;
    expect(all.find((p) => p.id === pollId)!.open).toBe(false);
  });

  it('counts in the academy statistics', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const admin = actorOf(await createUser(db, { academyId: teacher.academyId, role: 'academy_admin', name: 'Admin' }));
    const stats = await as(admin).poll.academy({ from: day(-1), to: day(1) });
    // Three polls; answers: Yusuf and Maryam on the first (Yusuf's change is one answer), Yusuf on the second.
    expect(stats).toMatchObject({ polls: 3, sessions: 1, answers: 3 });
  });
});
