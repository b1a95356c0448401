/**
 * Mutations refuse cross-site requests (next-auth's CSRF token covers only
 * its own routes): every mutation of the router, found by walking it, answers
 * FORBIDDEN to another site's Origin and writes nothing; the app's own Origin
 * and header-less server callers go through; queries are never blocked. Once
 * through the caller with headers, once over HTTP through the fetch adapter.
 */
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { httpBody } from '@/server/testing/bad-input-kit';
import { dbFingerprint, settledFingerprint, type DbFingerprint } from '@/server/testing/db-fingerprint';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, closeTestDb, testDb, testDeps } from '@/server/testing/integration';
import { callByPath, listProcedures } from '@/server/testing/procedures';
import { appRouter } from './root';

const db = testDb();
const PROCEDURES = listProcedures();
const MUTATIONS = PROCEDURES.filter((p) => p.type === 'mutation').map((p) => p.path);
const QUERIES = PROCEDURES.filter((p) => p.type === 'query').map((p) => p.path);

let academyId: number;
let teacher: Actor;
let student: Actor;
let circleId: number;
/** Has a live meeting; no cross-site call may change it. */
let liveSessionId: number;
/** No meeting yet: a cross-site meeting.create that got through would make one. */
let freshSessionId: number;

const HOST = '127.0.0.1:3000';
const SAME_ORIGIN = `http://${HOST}`;

/** Inputs that would be accepted, so a request that got past the check would write. */
function validInput(path: string, ids: { live: number; fresh: number }): unknown {
  switch (path) {
    case 'meeting.create':
      return { sessionId: ids.fresh };
    case 'meeting.leave':
      return { sessionId: ids.live, participantSid: 'PA_crossSite' };
    case 'session.listMine':
      return { range: 'today' };
    default:
      return { sessionId: ids.live };
  }
}

const CROSS_SITE: Record<string, Record<string, string>> = {
  'another site': { origin: 'https://evil.example', host: HOST },
  'a look-alike host': { origin: `http://${HOST}.evil.example`, host: HOST },
  'another port of the same host': { origin: 'http://127.0.0.1:3001', host: HOST },
  'an opaque origin (sandboxed frame)': { origin: 'null', host: HOST },
  'an Origin and no Host': { origin: 'https://evil.example' },
  'Sec-Fetch-Site: cross-site without Origin': { 'sec-fetch-site': 'cross-site', host: HOST },
  'Sec-Fetch-Site: cross-site with a matching Origin': { 'sec-fetch-site': 'cross-site', origin: SAME_ORIGIN, host: HOST },
};

const SAME_SITE: Record<string, Record<string, string>> = {
  'the app’s own Origin': { origin: SAME_ORIGIN, host: HOST, 'sec-fetch-site': 'same-origin' },
  'the public Origin behind a proxy (X-Forwarded-Host)': { origin: 'https://halaqa.example', host: HOST, 'x-forwarded-host': 'halaqa.example' },
  'no Origin (a non-browser client)': { host: HOST },
};

beforeAll(async () => {
  const academy = await createAcademy(db);
  academyId = academy.id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher' }));
  student = actorOf(await createUser(db, { academyId, role: 'student' }));
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] })).id;
  liveSessionId = (await newSession()).id;
  await createMeeting(testDeps(), { sessionId: liveSessionId, createdBy: teacher.id });
  freshSessionId = (await newSession()).id;
});

afterAll(closeTestDb);

function newSession() {
  return createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: new Date() });
}

function call(actor: Actor, headers: Headers | null, path: string, input: unknown): Promise<string> {
  return callByPath(testDeps(), actor, headers, path, input).then(
    () => 'OK',
    (error: unknown) => (error instanceof TRPCError ? error.code : `non-tRPC error ${String(error)}`),
  );
}

function changedTables(before: DbFingerprint, after: DbFingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

function handle(actor: Actor, req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => ({ deps: testDeps(), actor, headers: req.headers }),
  });
}

function trpcRequest(path: string, input: unknown, headers: Record<string, string>): Request {
  const all = { 'content-type': 'application/json', ...headers };
  if (QUERIES.includes(path)) {
    return new Request(`${SAME_ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(httpBody(input))}`, { headers: all });
  }
  return new Request(`${SAME_ORIGIN}/api/trpc/${path}`, { method: 'POST', headers: all, body: httpBody(input) });
}

describe(`cross-site requests (${MUTATIONS.length} mutations: ${MUTATIONS.join(', ')})`, () => {
  it('covers the mutations the issue names', () => {
    expect(MUTATIONS).toEqual(expect.arrayContaining(['meeting.create', 'meeting.token', 'meeting.end', 'meeting.leave']));
  });

  it.each(Object.entries(CROSS_SITE))('refuses every mutation from %s with FORBIDDEN and writes nothing', async (_what, headers) => {
    const ids = { live: liveSessionId, fresh: freshSessionId };
    const before = await settledFingerprint(db, academyId);
    const outcomes: Record<string, string> = {};
    for (const path of MUTATIONS) outcomes[path] = await call(teacher, new Headers(headers), path, validInput(path, ids));
    expect(outcomes).toEqual(Object.fromEntries(MUTATIONS.map((p) => [p, 'FORBIDDEN'])));
    expect(changedTables(before, await dbFingerprint(db, academyId))).toEqual([]);
  });

  it.each(Object.entries(CROSS_SITE))('does not block queries from %s', async (_what, headers) => {
    const ids = { live: liveSessionId, fresh: freshSessionId };
    // Whatever a query answers without headers, it answers the same from another site.
    for (const path of QUERIES) {
      const plain = await call(teacher, null, path, validInput(path, ids));
      expect(await call(teacher, new Headers(headers), path, validInput(path, ids)), path).toBe(plain);
    }
    for (const path of ['meeting.info', 'session.detail', 'session.listMine']) {
      expect(await call(teacher, new Headers(headers), path, validInput(path, ids)), path).toBe('OK');
    }
  });

  it('answers 403 over HTTP to every mutation from another site, writes nothing, and still serves queries', async () => {
    const ids = { live: liveSessionId, fresh: freshSessionId };
    const evil = { origin: 'https://evil.example', host: HOST };
    const before = await settledFingerprint(db, academyId);
    const statuses: Record<string, number> = {};
    for (const path of MUTATIONS) statuses[path] = (await handle(teacher, trpcRequest(path, validInput(path, ids), evil))).status;
    expect(statuses).toEqual(Object.fromEntries(MUTATIONS.map((p) => [p, 403])));
    const fetchSite = await handle(teacher, trpcRequest('meeting.token', validInput('meeting.token', ids), { 'sec-fetch-site': 'cross-site', host: HOST }));
    expect(fetchSite.status).toBe(403);
    expect(changedTables(before, await dbFingerprint(db, academyId))).toEqual([]);

    const info = await handle(teacher, trpcRequest('meeting.info', { sessionId: liveSessionId }, evil));
    expect(info.status).toBe(200);
  });

  // Last: these create and end rooms, whose webhooks keep arriving afterwards.
  it.each(Object.entries(SAME_SITE))('lets mutations with %s through', async (_what, headers) => {
    const session = await newSession();
    const ids = { live: session.id, fresh: session.id };
    const h = () => new Headers(headers);
    expect(await call(teacher, h(), 'meeting.create', validInput('meeting.create', ids))).toBe('OK');
    expect(await call(student, h(), 'meeting.token', validInput('meeting.token', ids))).toBe('OK');
    expect(await call(student, h(), 'meeting.leave', validInput('meeting.leave', ids))).toBe('OK');
    expect(await call(teacher, h(), 'meeting.end', validInput('meeting.end', ids))).toBe('OK');
  });

  it('lets server-side callers without headers (RSC, tests) through', async () => {
    const session = await newSession();
    expect(await call(teacher, null, 'meeting.create', { sessionId: session.id })).toBe('OK');
    expect(await call(teacher, null, 'meeting.end', { sessionId: session.id })).toBe('OK');
  });

  it('answers a same-origin token request over HTTP with a token', async () => {
    const response = await handle(student, trpcRequest('meeting.token', { sessionId: liveSessionId }, { origin: SAME_ORIGIN, host: HOST, 'sec-fetch-site': 'same-origin' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { token: string } } } };
    expect(body.result.data.json.token).toMatch(/^ey/);
  });
});
