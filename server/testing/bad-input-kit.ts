/**
 * The vocabulary of the bad-input tables (server/testing/*bad-input-cases.ts):
 * the fixture and case types and the builders of the usual wrong values.
 * A file of its own so the per-part tables and the table that gathers them
 * both import it, and neither imports the other back.
 */
import superjson from 'superjson';

export type CallerRole = 'super_admin' | 'academy_admin' | 'supervisor' | 'teacher' | 'student' | 'parent';

/** The 4xx answers a bad input may get (tRPC codes). */
export type BadInputCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'PARSE_ERROR';

/** What the test builds before the cases run: one academy with every role. */
export interface BadInputFixture {
  academyId: number;
  /** A session taught by the fixture's teacher, with a live meeting: a slipped input would write. */
  liveSessionId: number;
  /** A scheduled session of the same teacher without a meeting, for procedures that would create one. */
  freshSessionId: number;
  teacherId: number;
  /** Has an attendance record in the live session (a client leave), so an override that slipped would write. */
  studentId: number;
  circleId: number;
  otherAcademyId: number;
  /** A teacher of the other academy. */
  otherAcademyUserId: number;
  /** A weekly schedule of the fixture academy (its sessions are in the future). */
  scheduleId: number;
  /** The student's parent. */
  parentId: number;
}

export interface BadInputCase {
  /** What is wrong, for the test's name. */
  what: string;
  input: unknown;
  /** Default BAD_REQUEST. */
  expect?: BadInputCode;
}

export interface ProcedureBadInputs {
  /** Who calls: someone allowed to use the procedure, so it is the input that is refused, not the caller. */
  as: CallerRole;
  cases(f: BadInputFixture): BadInputCase[];
}

/** Valid for the id check (positive int4), but no such row. */
export const NONEXISTENT_ID = 2_000_000_000;
export const TEN_KB = 'x'.repeat(10 * 1024);

const BAD_HTTP_STATUS: Record<BadInputCode, number> = { BAD_REQUEST: 400, NOT_FOUND: 404, PARSE_ERROR: 400 };
export function httpStatusOf(code: BadInputCode): number {
  return BAD_HTTP_STATUS[code];
}

type Obj = Record<string, unknown>;

/** The input replaced wholesale by something that is not the object it should be (no input at all is fine when optional). */
export function notAnObject(options: { optional?: boolean } = {}): BadInputCase[] {
  return [
    ...(options.optional ? [] : [{ what: 'missing input', input: undefined }]),
    { what: 'null input', input: null },
    { what: 'a string input', input: 'sessionId=1' },
    { what: 'a number input', input: 1 },
    { what: 'an array input', input: [] },
    { what: 'a 10 kB string input', input: TEN_KB },
  ];
}

/** Keys the schema does not know: `.strict()` must refuse them. */
export function unknownKeys(base: Obj): BadInputCase[] {
  return [
    { what: 'an unknown key', input: { ...base, extra: 1 } },
    { what: 'an unknown 10 kB key', input: { ...base, [TEN_KB]: true } },
    { what: 'a prototype-named key', input: { ...base, constructor: { prototype: {} } } },
  ];
}

export function missing(base: Obj, field: string): BadInputCase {
  const rest = { ...base };
  delete rest[field];
  return { what: `${field} missing`, input: rest };
}

/**
 * Everything that is not a positive int4 id, plus a valid id that names no
 * row (`unknown`: NOT_FOUND unless the procedure calls it a bad request; null
 * when naming nothing is fine, e.g. a cursor). An optional id may be left
 * out, so "missing" is no case then.
 */
export function badIds(base: Obj, field: string, options: { optional?: boolean; unknown?: BadInputCode | null } = {}): BadInputCase[] {
  const unknown = options.unknown === undefined ? 'NOT_FOUND' : options.unknown;
  const sample = base[field] ?? 1;
  const values: [string, unknown][] = [
    ['negative', -1],
    ['zero', 0],
    ['a fraction', 1.5],
    ['2**31 (past int4)', 2 ** 31],
    ['1e308', 1e308],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a numeric string', String(sample)],
    ['a 10 kB string', TEN_KB],
    ['a boolean', true],
    ['null', null],
    ['an object', { id: sample }],
    ['an array', [sample]],
    ['a bigint', 1n],
  ];
  return [
    ...values.map(([what, value]) => ({ what: `${field} ${what}`, input: { ...base, [field]: value } })),
    ...(options.optional ? [] : [missing(base, field)]),
    ...(unknown ? [{ what: `${field} of no row`, input: { ...base, [field]: NONEXISTENT_ID }, expect: unknown }] : []),
  ];
}

/** Out-of-range and wrongly typed values for a bounded optional integer. */
export function badBoundedInt(base: Obj, field: string, min: number, max: number): BadInputCase[] {
  const values: [string, unknown][] = [
    [`below ${min}`, min - 1],
    [`above ${max}`, max + 1],
    ['negative', -1],
    ['a fraction', min + 0.5],
    ['2**31', 2 ** 31],
    ['1e308', 1e308],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a numeric string', String(min)],
    ['a 10 kB string', TEN_KB],
    ['null', null],
  ];
  return values.map(([what, value]) => ({ what: `${field} ${what}`, input: { ...base, [field]: value } }));
}

export function badBoolean(base: Obj, field: string): BadInputCase[] {
  const values: [string, unknown][] = [
    ['a string', 'true'],
    ['a number', 1],
    ['null', null],
    ['a 10 kB string', TEN_KB],
  ];
  return values.map(([what, value]) => ({ what: `${field} ${what}`, input: { ...base, [field]: value } }));
}

/** For a string field with a fixed shape or set of values. */
export function badString(base: Obj, field: string, wrongShape: string[], options: { optional?: boolean } = {}): BadInputCase[] {
  const values: [string, unknown][] = [
    ['10 kB', TEN_KB],
    ['empty', ''],
    ['a number', 1],
    ['null', null],
    ['an array', [base[field]]],
    ...wrongShape.map((v): [string, unknown] => [`"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`, v]),
  ];
  return [
    ...values.map(([what, value]) => ({ what: `${field} ${what}`, input: { ...base, [field]: value } })),
    ...(options.optional ? [] : [missing(base, field)]),
  ];
}

/** For a list of weekdays (0 = Sunday … 6 = Saturday), each at most once. */
export function badWeekdays(base: Obj, field: string, options: { optional?: boolean; allowEmpty?: boolean } = {}): BadInputCase[] {
  const values: [string, unknown][] = [
    ['with 7', [7]],
    ['with -1', [-1]],
    ['with a fraction', [1.5]],
    ['repeating a day', [1, 1]],
    ['of 8 days', [0, 1, 2, 3, 4, 5, 6, 0]],
    ['a day name', ['Sunday']],
    ['a number', 1],
    ['a 10 kB string', TEN_KB],
    ['null', null],
    ['huge', Array.from({ length: 10_000 }, (_, i) => i % 7)],
    ...(options.allowEmpty ? [] : ([['empty', []]] as [string, unknown][])),
  ];
  return [
    ...values.map(([what, value]) => ({ what: `${field} ${what}`, input: { ...base, [field]: value } })),
    ...(options.optional ? [] : [missing(base, field)]),
  ];
}

export const WRONG_DATES = ['2031-13-01', '2031-02-30', '2031-1-1', '2031-01-01T00:00:00Z', '01/02/2031', '٢٠٣١-٠١-٠١', '0000-00-00'];
export const WRONG_TIMES = ['24:00', '9:00', '16:60', '16:00:00', '4pm', '٠٩:٠٠'];

/** A trimmed, bounded free text (title, reason). */
export function badText(base: Obj, field: string, max: number, options: { optional?: boolean } = {}): BadInputCase[] {
  return badString(base, field, ['   ', 'x'.repeat(max + 1)], options);
}

/**
 * The tRPC v11 HTTP form of an input: superjson-serialized (so NaN, Infinity,
 * undefined and bigint survive the trip), JSON-encoded.
 */
export function httpBody(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    // superjson refuses to send keys like `constructor`; a hostile client sends them anyway.
    return JSON.stringify({ json: input });
  }
}
