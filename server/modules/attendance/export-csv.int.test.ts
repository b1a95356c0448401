import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/server/db';
import { academies, attendanceEvents } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { handleAttendanceExport } from '@/server/http/attendance-export';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { CSV_HEADER } from './csv-format';
import { EXPORT_BATCH_ROWS } from './export-csv';
import { finalizeSessionInTx } from './finalize-session';

const db = testDb();
const MINUTE = 60_000;
const BOM_BYTES = [0xef, 0xbb, 0xbf];
const BULK_SESSIONS = 100;
const BULK_STUDENTS = 1000;

let academy: { id: number; slug: string };
let bulkAcademyId: number;
let sessionId: number;
let teacher: Actor, otherTeacher: Actor, student: Actor, admin: Actor, otherAdmin: Actor, superAdmin: Actor, bulkAdmin: Actor;
let fatimaId: number;

function exportRequest(query: string): Request {
  return new Request(`http://127.0.0.1:3000/api/attendance/export?${query}`);
}

async function download(query: string, actor: Actor | null, deps = testDeps(), locale: 'ar' | 'en' = 'en') {
  const response = await handleAttendanceExport(exportRequest(query), deps, actor, locale);
  if (response.status !== 200) return { response, bytes: new Uint8Array(), chunks: 0, text: '' };
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  // The default decoder drops a leading BOM; the bytes are checked for it separately.
  return { response, bytes, chunks: parts.length, text: new TextDecoder().decode(bytes) };
}

/** RFC 4180, enough for the test: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

function asObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...CSV_HEADER]);
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

beforeAll(async () => {
  academy = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  const make = (role: 'academy_admin' | 'teacher' | 'student', name?: string) =>
    createUser(db, { academyId: academy.id, role, ...(name ? { name } : {}) });
  admin = actorOf(await make('academy_admin'));
  const t = await make('teacher', 'الشيخ أحمد');
  teacher = actorOf(t);
  otherTeacher = actorOf(await make('teacher'));
  const mariam = await make('student', 'مريم');
  student = actorOf(mariam);
  const fatima = await make('student', 'فاطمة، "بنت علي", الصغيرة');
  fatimaId = fatima.id;
  const circle = await createCircle(db, { academyId: academy.id, teacherId: t.id, studentIds: [mariam.id, fatima.id] });
  const start = new Date('2025-03-10T16:00:00Z');
  const session = await createSession(db, {
    academyId: academy.id,
    teacherId: t.id,
    circleId: circle.id,
    title: 'حلقة الفجر',
    status: 'ongoing',
    scheduledAt: start,
    durationMinutes: 60,
  });
  sessionId = session.id;
  const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
  const connection = (userId: number, join: number, leave: number) => {
    const base = { academyId: academy.id, sessionId, userId, participantSid: `PA_${randomUUID().slice(0, 8)}`, source: 'webhook' as const };
    return [
      { ...base, kind: 'join' as const, occurredAt: at(join), sourceEventId: `EV_${randomUUID()}` },
      { ...base, kind: 'leave' as const, occurredAt: at(leave), sourceEventId: `EV_${randomUUID()}` },
    ];
  };
  await db.insert(attendanceEvents).values([...connection(t.id, -1, 60), ...connection(mariam.id, 2.05, 50), ...connection(mariam.id, 51, 60)]);
  await db.transaction((tx) => finalizeSessionInTx(tx, sessionId, { now: at(65) }));
  await callerFor(testDeps(), admin).attendance.overrideStatus({ sessionId, userId: fatima.id, status: 'present', reason: 'عذر طبي' });

  const other = await createAcademy(db);
  otherAdmin = actorOf(await createUser(db, { academyId: other.id, role: 'academy_admin' }));
  superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));

  // 100 sessions × 1000 students = 100,000 final records, written by Postgres itself.
  const bulk = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  bulkAcademyId = bulk.id;
  bulkAdmin = actorOf(await createUser(db, { academyId: bulk.id, role: 'academy_admin' }));
  const bulkTeacher = await createUser(db, { academyId: bulk.id, role: 'teacher', name: 'المعلم' });
  const bulkCircle = await createCircle(db, { academyId: bulk.id, teacherId: bulkTeacher.id, studentIds: [] });
  await db.execute(sql`
    INSERT INTO users (academy_id, email, password_hash, name, role)
    SELECT ${bulk.id}, 'bulk-' || ${bulk.id}::text || '-' || g || '@example.test', 'not-a-hash', 'طالب رقم ' || g, 'student'
    FROM generate_series(1, ${BULK_STUDENTS}::int) g`);
  await db.execute(sql`
    INSERT INTO sessions (academy_id, kind, title, teacher_id, circle_id, scheduled_at, duration_minutes, status)
    SELECT ${bulk.id}, 'quran', 'حلقة ' || g, ${bulkTeacher.id}, ${bulkCircle.id}, '2025-05-01T06:00:00Z'::timestamptz + g * interval '1 hour', 60, 'completed'
    FROM generate_series(1, ${BULK_SESSIONS}::int) g`);
  await db.execute(sql`
    INSERT INTO attendance_records (academy_id, session_id, user_id, user_type, first_join_at, last_leave_at,
      total_seconds, join_count, leave_count, status, percentage, is_final)
    SELECT ${bulk.id}, s.id, u.id, 'student', s.scheduled_at, s.scheduled_at + interval '50 minutes', 3000, 1, 1, 'present', 83.33, true
    FROM sessions s CROSS JOIN users u
    WHERE s.academy_id = ${bulk.id} AND u.academy_id = ${bulk.id} AND u.role = 'student'`);
}, 120_000);

afterAll(async () => {
  // 100,000 rows are no use to the other test files.
  await db.delete(academies).where(sql`${academies.id} = ${bulkAcademyId}`);
  await closeTestDb();
});

describe('GET /api/attendance/export, a session', () => {
  it('streams a UTF-8 CSV with a BOM as an attachment', async () => {
    const { response, bytes } = await download(`sessionId=${sessionId}`, teacher);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="attendance-${academy.slug}-session-${sessionId}.csv"`);
    expect([...bytes.slice(0, 3)]).toEqual(BOM_BYTES);
  });

  it('has one row per record, Arabic intact, times in Asia/Riyadh, the override beside the computed status', async () => {
    const rows = asObjects((await download(`sessionId=${sessionId}&header=keys`, admin)).text);
    expect(rows.map((r) => r.participant)).toEqual(['الشيخ أحمد', 'فاطمة، "بنت علي", الصغيرة', 'مريم']);
    const [teacherRow, fatimaRow, mariamRow] = rows;
    expect(teacherRow).toMatchObject({ user_type: 'teacher', status: 'present', first_join: '2025-03-10 18:59:00', attended_minutes: '60.0' });
    expect(fatimaRow).toMatchObject({
      status: 'present',
      computed_status: 'absent',
      override_reason: 'عذر طبي',
      first_join: '',
      last_leave: '',
      attended_minutes: '0.0',
      percentage: '0.00',
      join_count: '0',
    });
    expect(mariamRow).toEqual({
      session_id: String(sessionId),
      session_title: 'حلقة الفجر',
      kind: 'quran',
      scheduled_start: '2025-03-10 19:00:00',
      timezone: 'Asia/Riyadh',
      teacher: 'الشيخ أحمد',
      participant: 'مريم',
      user_type: 'student',
      status: 'present',
      computed_status: 'present',
      override_reason: '',
      first_join: '2025-03-10 19:02:03',
      last_leave: '2025-03-10 20:00:00',
      // 50 → 51 is within the reconnect window: one cycle, the gap counted.
      attended_minutes: '58.0',
      percentage: '96.58',
      join_count: '2',
      leave_count: '2',
    });
  });

  it("names its columns in the exporter's language, or by the stable keys when asked (header=keys)", async () => {
    const headerOf = async (query: string, locale: 'ar' | 'en') => parseCsv((await download(query, admin, testDeps(), locale)).text.replace(/^\uFEFF/, ''))[0];
    const ar = await headerOf(`sessionId=${sessionId}`, 'ar');
    const en = await headerOf(`sessionId=${sessionId}`, 'en');
    expect(ar).toHaveLength(CSV_HEADER.length);
    expect(ar!.slice(0, 3)).toEqual(['رقم الجلسة', 'الجلسة', 'النوع']);
    expect(en!.slice(0, 3)).toEqual(['Session number', 'Session', 'Kind']);
    expect(await headerOf(`sessionId=${sessionId}&header=keys`, 'ar')).toEqual([...CSV_HEADER]);
    expect(await headerOf(`sessionId=${sessionId}&header=names`, 'en')).toEqual(en);
    // The rows are the same whatever the header.
    const rowsIn = async (locale: 'ar' | 'en') => parseCsv((await download(`sessionId=${sessionId}`, admin, testDeps(), locale)).text).slice(1);
    expect(await rowsIn('ar')).toEqual(await rowsIn('en'));
    expect((await download(`sessionId=${sessionId}&header=labels`, admin)).response.status).toBe(400);
  });

  it('answers 401 signed out, 403 to others of the academy, 404 to another academy', async () => {
    expect((await download(`sessionId=${sessionId}`, null)).response.status).toBe(401);
    expect((await download(`sessionId=${sessionId}`, otherTeacher)).response.status).toBe(403);
    expect((await download(`sessionId=${sessionId}`, student)).response.status).toBe(403);
    expect((await download(`sessionId=${sessionId}`, otherAdmin)).response.status).toBe(404);
    expect((await download('sessionId=2000000000', admin)).response.status).toBe(404);
  });

  it.each([
    '',
    'sessionId=abc',
    'sessionId=0',
    'sessionId=1e3',
    'sessionId=%201',
    'sessionId=99999999999',
    'sessionId=1&sessionId=2',
    'sessionId=1&from=2025-03-10&to=2025-03-10',
    'sessionId=1&extra=1',
    'from=2025-03-10',
    'from=2025-03-12&to=2025-03-10',
    'from=2025-02-30&to=2025-03-10',
    'from=2024-01-01&to=2025-06-01',
    'from=2025-03-10&to=2025-03-10&kind=poetry',
    'from=2025-03-10&to=2025-03-10&teacherId=-1',
  ])('answers 400 for %j', async (query) => {
    const { response } = await download(query, admin);
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty('error');
  });
});

describe('GET /api/attendance/export, a date range', () => {
  it('exports the academy’s final records of local dates, for managers only', async () => {
    const { response, text } = await download('from=2025-03-10&to=2025-03-10&header=keys', admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="attendance-${academy.slug}-2025-03-10_2025-03-10.csv"`);
    expect(asObjects(text)).toHaveLength(3);
    // 19:00 on the 10th in Riyadh is still the 10th; the 9th holds nothing.
    expect(asObjects((await download('from=2025-03-09&to=2025-03-09&header=keys', admin)).text)).toHaveLength(0);
    expect(asObjects((await download(`from=2025-03-10&to=2025-03-10&studentId=${fatimaId}&header=keys`, admin)).text).map((r) => r.status)).toEqual([
      'present',
    ]);
    expect((await download('from=2025-03-10&to=2025-03-10', teacher)).response.status).toBe(403);
    expect((await download(`from=2025-03-10&to=2025-03-10&academyId=${academy.id}`, otherAdmin)).response.status).toBe(404);
    expect((await download(`from=2025-03-10&to=2025-03-10&teacherId=${otherAdmin.id}`, admin)).response.status).toBe(404);
  });

  it('lets the super admin export a named academy', async () => {
    expect((await download('from=2025-03-10&to=2025-03-10', superAdmin)).response.status).toBe(400);
    const { response, text } = await download(`from=2025-03-10&to=2025-03-10&academyId=${academy.id}&kind=quran&header=keys`, superAdmin);
    expect(response.status).toBe(200);
    expect(asObjects(text)).toHaveLength(3);
  });

  it('streams 100,000 rows in many chunks, one batch at a time', async () => {
    const { response, bytes, chunks, text } = await download('from=2025-05-01&to=2025-05-06', bulkAdmin);
    expect(response.status).toBe(200);
    expect([...bytes.slice(0, 3)]).toEqual(BOM_BYTES);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(BULK_SESSIONS * BULK_STUDENTS);
    // The header, then a chunk per cursor batch: never one big body.
    expect(chunks).toBe(1 + (BULK_SESSIONS * BULK_STUDENTS) / EXPORT_BATCH_ROWS);
    expect(lines[1]).toContain('2025-05-01 10:00:00,Asia/Riyadh,المعلم,طالب رقم');
  });

  it('closes the cursor when the download is abandoned, giving its connection back', async () => {
    // One connection: a cursor left open would hold it, and the query after the loop would never run.
    const handle = createDb(integrationConfig().databaseUrl, { max: 1 });
    try {
      const deps = { ...testDeps(), db: handle.db };
      for (let i = 0; i < 3; i += 1) {
        const response = await handleAttendanceExport(exportRequest('from=2025-05-01&to=2025-05-06'), deps, bulkAdmin);
        const reader = response.body!.getReader();
        await reader.read();
        await reader.read();
        await reader.cancel();
      }
      const [row] = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM attendance_records WHERE academy_id = ${bulkAcademyId}`);
      expect(row!.n).toBe(BULK_SESSIONS * BULK_STUDENTS);
    } finally {
      await handle.close();
    }
  });
});
