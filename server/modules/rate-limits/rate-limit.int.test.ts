/**
 * meeting.token is rate limited per user (TOKEN_RATE_LIMIT) with the counter
 * in Postgres: another app instance (fresh deps, its own connection pool)
 * sees the same count, and a new window, reached through an injected clock,
 * starts from zero.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import { rateLimits } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { fixedClock } from '@/server/lib/clock';
import { createMeeting } from '@/server/modules/meetings';
import { consumeRateLimit } from './consume-rate-limit';
import { TOKEN_RATE_LIMIT } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
let otherInstance: DbHandle;
let sessionId: number;
let teacher: Actor;
const students: Actor[] = [];

// Windows are aligned to the minute; these instants are far from the system
// clock's, so nothing else in the run touches the same window.
const WINDOW_START = new Date('2031-03-04T05:06:00.000Z');
const at = (ms: number) => fixedClock(new Date(WINDOW_START.getTime() + ms));

beforeAll(async () => {
  otherInstance = createDb(integrationConfig().databaseUrl, { max: 4 });
  const academy = await createAcademy(db);
  teacher = actorOf(await createUser(db, { academyId: academy.id, role: 'teacher' }));
  for (let i = 0; i < 3; i++) students.push(actorOf(await createUser(db, { academyId: academy.id, role: 'student' })));
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: students.map((s) => s.id) });
  const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
  await createMeeting(testDeps(), { sessionId: session.id, createdBy: teacher.id });
  sessionId = session.id;
});

afterAll(async () => {
  await otherInstance.close();
  await closeTestDb();
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    // A tRPC error by its shape: modules may not import @trpc/server (eslint), not even their tests.
    (error: unknown) => (error instanceof Error && error.name === 'TRPCError' ? (error as Error & { code: string }).code : `non-tRPC error ${String(error)}`),
  );
}

async function storedCount(userId: number, windowStart: Date): Promise<number | undefined> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, `token:${userId}`), eq(rateLimits.windowStart, windowStart)));
  return row?.count;
}

describe(`meeting.token rate limit (${TOKEN_RATE_LIMIT.limit} per ${TOKEN_RATE_LIMIT.windowSeconds} s per user)`, () => {
  it('answers TOO_MANY_REQUESTS past the limit, for every instance, until the next window', async () => {
    const [student] = students;
    const caller = callerFor(testDeps({ clock: at(1_000) }), student!);
    for (let i = 0; i < TOKEN_RATE_LIMIT.limit; i++) {
      expect(await outcome(caller.meeting.token({ sessionId }))).toBe('OK');
    }
    expect(await outcome(caller.meeting.token({ sessionId }))).toBe('TOO_MANY_REQUESTS');
    expect(await storedCount(student!.id, WINDOW_START)).toBe(TOKEN_RATE_LIMIT.limit + 1);

    // Another instance: its own pool, its own caller, the same database.
    const elsewhere = callerFor({ ...testDeps({ clock: at(59_999) }), db: otherInstance.db }, student!);
    expect(await outcome(elsewhere.meeting.token({ sessionId }))).toBe('TOO_MANY_REQUESTS');

    // Another user is not limited by this one.
    expect(await outcome(callerFor(testDeps({ clock: at(2_000) }), students[1]!).meeting.token({ sessionId }))).toBe('OK');

    // The next window starts from zero, on either instance.
    const nextWindow = new Date(WINDOW_START.getTime() + TOKEN_RATE_LIMIT.windowSeconds * 1000);
    const later = callerFor({ ...testDeps({ clock: at(TOKEN_RATE_LIMIT.windowSeconds * 1000) }), db: otherInstance.db }, student!);
    expect(await outcome(later.meeting.token({ sessionId }))).toBe('OK');
    expect(await storedCount(student!.id, nextWindow)).toBe(1);
  });

  it('lets exactly the limit through when the requests arrive all at once', async () => {
    const student = students[2]!;
    const clock = at(10 * 60_000);
    const deps = [testDeps({ clock }), { ...testDeps({ clock }), db: otherInstance.db }];
    const attempts = TOKEN_RATE_LIMIT.limit + 15;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) => outcome(callerFor(deps[i % 2]!, student).meeting.token({ sessionId }))),
    );
    expect(results.filter((r) => r === 'OK')).toHaveLength(TOKEN_RATE_LIMIT.limit);
    expect(results.filter((r) => r === 'TOO_MANY_REQUESTS')).toHaveLength(attempts - TOKEN_RATE_LIMIT.limit);
  });

  it('counts nothing for a refused caller who may not join', async () => {
    const academy = await createAcademy(db);
    const stranger = actorOf(await createUser(db, { academyId: academy.id, role: 'student' }));
    const clock = at(20 * 60_000);
    expect(await outcome(callerFor(testDeps({ clock }), stranger).meeting.token({ sessionId }))).toBe('NOT_FOUND');
    expect(await storedCount(stranger.id, new Date(WINDOW_START.getTime() + 20 * 60_000))).toBeUndefined();
  });

  it('relaxes the commit of its own upsert only: never the connection, never a caller’s transaction', async () => {
    // One connection, so every statement below shares its settings.
    const single = createDb(integrationConfig().databaseUrl, { max: 1 });
    try {
      const setting = async (db: typeof single.db) => (await db.execute<{ synchronous_commit: string }>(sql`SHOW synchronous_commit`))[0]!.synchronous_commit;
      const rule = { limit: 5, windowSeconds: 60 };
      // The test cluster runs with synchronous_commit off; make it on to see any change.
      await single.db.execute(sql`SET synchronous_commit = on`);
      await consumeRateLimit(single.db, `probe:${sessionId}`, rule, WINDOW_START);
      expect(await setting(single.db), 'after the upsert on the connection').toBe('on');
      const inside = await single.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL synchronous_commit = on`);
        await consumeRateLimit(tx, `probe:${sessionId}`, rule, WINDOW_START);
        return setting(tx as unknown as typeof single.db);
      });
      expect(inside, 'inside a transaction').toBe('on');
      const [row] = await db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, `probe:${sessionId}`));
      expect(row?.count).toBe(2);
    } finally {
      await single.close();
    }
  });
});
