/**
 * Bad inputs on every procedure of the app router (enumerated from the
 * router, so a new procedure without cases in server/testing/bad-input-cases.ts
 * or ./room-bad-input-cases.ts fails here): each answers a clear 4xx tRPC error and writes nothing, both
 * through the server-side caller and over HTTP through the same fetch
 * adapter as app/api/trpc.
 */
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/lib/actor';
import { createMeeting, roomNameFor } from '@/server/modules/meetings';
import { BAD_INPUT_CASES as GENERAL_CASES } from '@/server/testing/bad-input-cases';
import {
  NONEXISTENT_ID,
  TEN_KB,
  httpBody,
  httpStatusOf,
  type BadInputFixture,
  type CallerRole,
} from '@/server/testing/bad-input-kit';
import { dbFingerprint, settledFingerprint, type DbFingerprint } from '@/server/testing/db-fingerprint';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';
import { callByPath, listProcedures } from '@/server/testing/procedures';
import { ROOM_BAD_INPUT_CASES } from '@/server/testing/room-bad-input-cases';
import { GROUP_BAD_INPUT_CASES } from '@/server/testing/group-bad-input-cases';
import { TOOLS_BAD_INPUT_CASES } from '@/server/testing/tools-bad-input-cases';
import { appRouter } from './root';

const db = testDb();
const BAD_INPUT_CASES = { ...GENERAL_CASES, ...ROOM_BAD_INPUT_CASES, ...GROUP_BAD_INPUT_CASES, ...TOOLS_BAD_INPUT_CASES };
const PROCEDURES = listProcedures();
const PATHS = PROCEDURES.map((p) => p.path);
/** Queries and subscriptions (SSE) are GETs; mutations POSTs. */
const isGet = (path: string) => PROCEDURES.find((p) => p.path === path)?.type !== 'mutation';

let fixture: BadInputFixture;
let academySlug: string;
const actors = {} as Record<CallerRole, Actor>;

beforeAll(async () => {
  const academy = await createAcademy(db);
  academySlug = academy.slug;
  const make = (role: CallerRole) => createUser(db, { academyId: role === 'super_admin' ? null : academy.id, role }).then(actorOf);
  for (const role of ['super_admin', 'academy_admin', 'supervisor', 'teacher', 'student', 'parent'] as const) actors[role] = await make(role);
  await linkParent(db, academy.id, actors.parent.id, actors.student.id);
  const circle = await createCircle(db, { academyId: academy.id, teacherId: actors.teacher.id, studentIds: [actors.student.id] });
  const session = (minutes: number) =>
    createSession(db, { academyId: academy.id, teacherId: actors.teacher.id, circleId: circle.id, scheduledAt: new Date(Date.now() + minutes * 60_000) });
  const live = await session(0);
  await createMeeting(testDeps(), { sessionId: live.id, createdBy: actors.teacher.id });
  const fresh = await session(60);
  // A record for the student, so a slipped attendance override would have a row to write.
  await callerFor(testDeps(), actors.student).meeting.leave({ sessionId: live.id, participantSid: 'PA_fixture' });
  // Through the public procedure, so the fixture does not depend on the schedules table's columns.
  const weekly = await callerFor(testDeps(), actors.academy_admin).scheduling.createWeeklySchedule({
    kind: 'quran',
    title: 'Weekly',
    teacherId: actors.teacher.id,
    circleId: circle.id,
    weekdays: [1],
    localTime: '10:00',
    durationMinutes: 30,
    startDate: '2031-01-05',
    count: 2,
  });
  const away = await createAcademy(db);
  const awayTeacher = await createUser(db, { academyId: away.id, role: 'teacher' });
  fixture = {
    academyId: academy.id,
    liveSessionId: live.id,
    freshSessionId: fresh.id,
    teacherId: actors.teacher.id,
    studentId: actors.student.id,
    circleId: circle.id,
    otherAcademyId: away.id,
    otherAcademyUserId: awayTeacher.id,
    scheduleId: weekly.schedule.id,
    parentId: actors.parent.id,
  };
  // LiveKit's room_started webhook for the live room must land before any "before".
  await settledFingerprint(db, academy.id);
});

afterAll(closeTestDb);

function changedTables(before: DbFingerprint, after: DbFingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

function httpHandler(actor: Actor | null) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req,
      router: appRouter,
      createContext: () => ({ deps: testDeps(), actor, headers: req.headers }),
    });
}

const ORIGIN = 'http://127.0.0.1:3000';
const SAME_SITE = { host: '127.0.0.1:3000', origin: ORIGIN, 'content-type': 'application/json' };

/** A request the way the tRPC client sends it: POST for mutations, GET ?input= for queries and subscriptions. */
function trpcRequest(path: string, rawInput: string): Request {
  if (isGet(path)) {
    return new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(rawInput)}`, { headers: SAME_SITE });
  }
  return new Request(`${ORIGIN}/api/trpc/${path}`, { method: 'POST', headers: SAME_SITE, body: rawInput });
}

type ErrorJson = { json?: { data?: { code?: string; httpStatus?: number } } };

/**
 * The status and tRPC code of an answer. A subscription answers 200 and an
 * SSE stream at once (tRPC's protocol), and an error comes as the stream's
 * `serialized-error` event, carrying the status it would have had.
 */
async function outcomeOf(response: Response): Promise<{ status: number; code: string | undefined }> {
  const text = await response.text();
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const data = /event: serialized-error\ndata: (.*)\n/.exec(text)?.[1];
    if (!data) return { status: response.status, code: `a stream without an error: ${text.slice(0, 80)}` };
    const error = (JSON.parse(data) as ErrorJson).json?.data;
    return { status: error?.httpStatus ?? 0, code: error?.code };
  }
  try {
    return { status: response.status, code: (JSON.parse(text) as { error?: ErrorJson }).error?.json?.data?.code };
  } catch {
    return { status: response.status, code: `unparsable body: ${text.slice(0, 80)}` };
  }
}

describe(`bad inputs on every procedure (${PATHS.length}: ${PATHS.join(', ')})`, () => {
  it('has a case table entry for every procedure of the router and none for a procedure that is gone', () => {
    expect(PATHS.length).toBeGreaterThan(0);
    expect(Object.keys(ROOM_BAD_INPUT_CASES).filter((path) => path in GENERAL_CASES), 'procedures with cases in both tables').toEqual([]);
    expect(PATHS.filter((path) => !(path in BAD_INPUT_CASES)), 'procedures without bad-input cases').toEqual([]);
    expect(Object.keys(BAD_INPUT_CASES).filter((path) => !PATHS.includes(path)), 'entries for procedures that no longer exist').toEqual([]);
  });

  it.each(PATHS)('%s: every bad input is a 4xx through the caller, and nothing is written', async (path) => {
    const entry = BAD_INPUT_CASES[path];
    if (!entry) throw new Error(`no bad-input cases for ${path}: add them to server/testing/bad-input-cases.ts`);
    const cases = entry.cases(fixture);
    expect(cases.length).toBeGreaterThan(0);
    const problems: string[] = [];
    const call = (input: unknown) =>
      callByPath(testDeps(), actors[entry.as], null, path, input).then(
        () => 'accepted',
        (error: unknown) => (error instanceof TRPCError ? error.code : `non-tRPC error ${String(error)}`),
      );
    // One reading around all the cases (a reading covers every table: ~30 ms); only when something was
    // written are they read one by one, to name the case that wrote.
    const before = await dbFingerprint(db, fixture.academyId);
    for (const c of cases) {
      const want = c.expect ?? 'BAD_REQUEST';
      const outcome = await call(c.input);
      if (outcome !== want) problems.push(`${c.what}: expected ${want}, got ${outcome}`);
    }
    const changed = changedTables(before, await dbFingerprint(db, fixture.academyId));
    if (changed.length) {
      problems.push(`its bad inputs wrote to ${changed.join(', ')}`);
      for (const c of cases) {
        const one = await dbFingerprint(db, fixture.academyId);
        await call(c.input);
        const wrote = changedTables(one, await dbFingerprint(db, fixture.academyId));
        if (wrote.length) problems.push(`${c.what}: wrote to ${wrote.join(', ')}`);
      }
    }
    console.log(`${path}: ${cases.length} bad inputs through the caller`);
    expect(problems).toEqual([]);
  });

  it.each(PATHS)('%s: every bad input is the same 4xx over HTTP, and nothing is written', async (path) => {
    const entry = BAD_INPUT_CASES[path];
    if (!entry) throw new Error(`no bad-input cases for ${path}`);
    const handle = httpHandler(actors[entry.as]);
    const problems: string[] = [];
    const before = await dbFingerprint(db, fixture.academyId);
    for (const c of entry.cases(fixture)) {
      const want = c.expect ?? 'BAD_REQUEST';
      const { status, code } = await outcomeOf(await handle(trpcRequest(path, httpBody(c.input))));
      if (status !== httpStatusOf(want) || code !== want) problems.push(`${c.what}: expected ${httpStatusOf(want)} ${want}, got ${status} ${code}`);
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await dbFingerprint(db, fixture.academyId))).toEqual([]);
  });

  it('answers malformed HTTP requests to every procedure with a 4xx, never a 500, and writes nothing', async () => {
    const handle = httpHandler(actors.teacher);
    const before = await dbFingerprint(db, fixture.academyId);
    const results: { what: string; status: number }[] = [];
    const send = async (what: string, req: Request) => results.push({ what, status: (await outcomeOf(await handle(req))).status });
    for (const path of PATHS) {
      const query = isGet(path);
      await send(`${path} truncated JSON`, trpcRequest(path, '{"json":{"sessionId":'));
      await send(`${path} NaN literal in JSON`, trpcRequest(path, `{"json":{"sessionId":NaN}}`));
      await send(`${path} not JSON at all`, trpcRequest(path, '\u0000\u00ff<xml/>'));
      await send(`${path} a 10 kB JSON string`, trpcRequest(path, JSON.stringify({ json: TEN_KB })));
      await send(`${path} 1 MB of JSON`, trpcRequest(path, JSON.stringify({ json: { sessionId: 'x'.repeat(1 << 20) } })));
      await send(`${path} superjson meta that cannot apply`, trpcRequest(path, JSON.stringify({ json: { sessionId: 'zzz' }, meta: { values: { sessionId: ['bigint'] } } })));
      await send(`${path} superjson meta of an unknown type`, trpcRequest(path, JSON.stringify({ json: { sessionId: NONEXISTENT_ID }, meta: { values: { sessionId: [['custom', 'nope']] } } })));
      await send(`${path} superjson meta that is not an object`, trpcRequest(path, JSON.stringify({ json: { sessionId: NONEXISTENT_ID }, meta: 5 })));
      await send(
        `${path} a malformed batch`,
        query
          ? new Request(`${ORIGIN}/api/trpc/${path}?batch=1&input=${encodeURIComponent('{"0":')}`, { headers: SAME_SITE })
          : new Request(`${ORIGIN}/api/trpc/${path}?batch=1`, { method: 'POST', headers: SAME_SITE, body: '{"0":' }),
      );
      await send(
        `${path} the wrong method`,
        query
          ? new Request(`${ORIGIN}/api/trpc/${path}`, { method: 'POST', headers: SAME_SITE, body: httpBody({ sessionId: fixture.liveSessionId }) })
          : new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(httpBody({ sessionId: fixture.liveSessionId }))}`, { headers: SAME_SITE }),
      );
    }
    await send('an unknown procedure', new Request(`${ORIGIN}/api/trpc/meeting.nope`, { method: 'POST', headers: SAME_SITE, body: '{}' }));
    await send('a 10 kB procedure path', new Request(`${ORIGIN}/api/trpc/${TEN_KB}`, { method: 'POST', headers: SAME_SITE, body: '{}' }));
    await send('the endpoint without a path', new Request(`${ORIGIN}/api/trpc/`, { method: 'POST', headers: SAME_SITE, body: '{}' }));

    const bad = results.filter((r) => r.status < 400 || r.status >= 500);
    expect(bad).toEqual([]);
    expect(changedTables(before, await dbFingerprint(db, fixture.academyId))).toEqual([]);
  });

  it('never created a LiveKit room for the session no meeting was started for', async () => {
    const room = await testDeps().livekit!.getRoom(roomNameFor(academySlug, 'quran', fixture.freshSessionId));
    expect(room).toBeNull();
  });
});
