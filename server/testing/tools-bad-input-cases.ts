/**
 * Bad inputs for the teaching tools' procedures (mushaf.*, recitation.*,
 * poll.*), merged with the other tables in bad-inputs.int.test.ts.
 */
import { badIds, badString, NONEXISTENT_ID, notAnObject, TEN_KB, unknownKeys, type BadInputCase, type BadInputFixture, type ProcedureBadInputs } from '@/server/testing/bad-input-kit';

type Obj = Record<string, unknown>;

/** Not a whole number of the field's kind. */
function badNumber(base: Obj, field: string, options: { nullable?: boolean } = {}): BadInputCase[] {
  const values: [string, unknown][] = [
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 1.5],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['2**31', 2 ** 31],
    ['a numeric string', '3'],
    ['a 10 kB string', TEN_KB],
    ['an array', [1]],
    ...(options.nullable ? [] : ([['null', null]] as [string, unknown][])),
  ];
  const rest = { ...base };
  delete rest[field];
  return [...values.map(([what, value]) => ({ what: `${field} ${what}`, input: { ...base, [field]: value } })), { what: `${field} missing`, input: rest }];
}

function mushafCases(f: BadInputFixture): BadInputCase[] {
  const base = { sessionId: f.liveSessionId, surah: 67, fromAyah: 1, toAyah: 5, highlight: 3 };
  return [
    ...notAnObject(),
    ...unknownKeys(base),
    ...badIds(base, 'sessionId'),
    ...badNumber(base, 'surah'),
    ...badNumber(base, 'fromAyah'),
    ...badNumber(base, 'toAyah'),
    ...badNumber(base, 'highlight', { nullable: true }),
    { what: 'surah 115', input: { ...base, surah: 115 } },
    { what: 'an ayah past the surah (Al-Mulk has 30)', input: { ...base, toAyah: 31 } },
    { what: 'from after to', input: { ...base, fromAyah: 5, toAyah: 4, highlight: null } },
    { what: 'highlight outside the range', input: { ...base, highlight: 6 } },
  ];
}

const RECITED = { kind: 'revision', fromSurah: 67, fromAyah: 1, toSurah: 67, toAyah: 5, mistakes: [{ kind: 'tajweed', surah: 67, ayah: 3 }], grade: 'good', note: 'حسن' };

/** The recitation's own fields, whatever row or session it is for. */
function recitationFieldCases(base: Obj): BadInputCase[] {
  return [
    ...badString(base, 'kind', ['Memorisation', 'hifz']),
    ...badNumber(base, 'fromSurah'),
    ...badNumber(base, 'fromAyah'),
    ...badNumber(base, 'toSurah'),
    ...badNumber(base, 'toAyah'),
    { what: 'surah 115', input: { ...base, toSurah: 115 } },
    { what: 'an ayah past the surah (Al-Mulk has 30)', input: { ...base, toAyah: 31 } },
    { what: 'from after to across surahs', input: { ...base, fromSurah: 68, fromAyah: 1, toSurah: 67, toAyah: 30 } },
    { what: 'from after to in a surah', input: { ...base, fromAyah: 6, toAyah: 5, mistakes: [] } },
    { what: 'mistakes not a list', input: { ...base, mistakes: 'tajweed' } },
    { what: '201 mistakes', input: { ...base, mistakes: Array.from({ length: 201 }, () => ({ kind: 'tajweed' })) } },
    { what: 'a mistake of an unknown kind', input: { ...base, mistakes: [{ kind: 'grammar' }] } },
    { what: 'a mistake with an unknown key', input: { ...base, mistakes: [{ kind: 'tajweed', extra: 1 }] } },
    { what: 'a mistake outside the recited ayahs', input: { ...base, mistakes: [{ kind: 'tajweed', surah: 67, ayah: 6 }] } },
    { what: 'a mistake naming an ayah without its surah', input: { ...base, mistakes: [{ kind: 'tajweed', ayah: 3 }] } },
    { what: 'a grade off the academy scale', input: { ...base, grade: '9' } },
    { what: 'a grade of 10 kB', input: { ...base, grade: TEN_KB } },
    { what: 'a grade that is a number', input: { ...base, grade: 5 } },
    { what: 'a note of 2001 characters', input: { ...base, note: 'x'.repeat(2001) } },
    { what: 'a note that is a number', input: { ...base, note: 1 } },
  ];
}

function pollIdCases(f: BadInputFixture): BadInputCase[] {
  const base = { sessionId: f.liveSessionId, pollId: NONEXISTENT_ID };
  return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badIds(base, 'pollId')];
}

/** A valid Excalidraw element, as the board sends it. */
const STROKE = { id: 'stroke-1', type: 'freedraw', version: 2, versionNonce: 12345, isDeleted: false, x: 10, y: 10, points: [[0, 0], [5, 5]] };

function sessionOnly(f: BadInputFixture): BadInputCase[] {
  const base = { sessionId: f.liveSessionId };
  return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId')];
}

export const TOOLS_BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
  'whiteboard.set': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, drawers: { kind: 'all' } };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        { what: 'drawers missing', input: { sessionId: f.liveSessionId } },
        { what: 'drawers of an unknown kind', input: { ...base, drawers: { kind: 'everyone' } } },
        { what: 'drawers a string', input: { ...base, drawers: 'all' } },
        { what: 'one drawer without a userId', input: { ...base, drawers: { kind: 'one' } } },
        { what: 'one drawer with a userId of 0', input: { ...base, drawers: { kind: 'one', userId: 0 } } },
        { what: 'one drawer with a fractional userId', input: { ...base, drawers: { kind: 'one', userId: 1.5 } } },
        { what: 'all drawers with a userId', input: { ...base, drawers: { kind: 'all', userId: f.studentId } } },
        { what: 'one drawer who is not a student of the session', input: { ...base, drawers: { kind: 'one', userId: f.parentId } }, expect: 'NOT_FOUND' },
        { what: 'one drawer of another academy', input: { ...base, drawers: { kind: 'one', userId: f.otherAcademyUserId } }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'whiteboard.close': { as: 'teacher', cases: sessionOnly },
  'whiteboard.scene': { as: 'parent', cases: sessionOnly },
  'whiteboard.image': { as: 'parent', cases: sessionOnly },
  'whiteboard.draw': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, elements: [STROKE] };
      const without = (field: string) => Object.fromEntries(Object.entries(STROKE).filter(([k]) => k !== field));
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        { what: 'no elements', input: { ...base, elements: [] } },
        { what: 'elements not a list', input: { ...base, elements: STROKE } },
        { what: '4001 elements', input: { ...base, elements: Array.from({ length: 4001 }, (_, i) => ({ ...STROKE, id: `e${i}` })) } },
        { what: 'an element that is a string', input: { ...base, elements: ['stroke'] } },
        ...['id', 'type', 'version', 'versionNonce', 'isDeleted'].map((field) => ({ what: `an element without ${field}`, input: { ...base, elements: [without(field)] } })),
        { what: 'an element id of 65 characters', input: { ...base, elements: [{ ...STROKE, id: 'x'.repeat(65) }] } },
        { what: 'an element version of 0', input: { ...base, elements: [{ ...STROKE, version: 0 }] } },
        { what: 'an element version that is a string', input: { ...base, elements: [{ ...STROKE, version: '2' }] } },
        { what: 'an element versionNonce that is a fraction', input: { ...base, elements: [{ ...STROKE, versionNonce: 1.5 }] } },
        { what: 'a scene over 600 kB', input: { ...base, elements: [{ ...STROKE, text: 'x'.repeat(600_001) }] } },
      ];
    },
  },
  'whiteboard.saveImage': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'svg', ['<png/>', 'not an image', '<svg></svg><script>alert(1)</script>']),
        { what: 'an SVG with a script', input: { ...base, svg: '<svg><script>alert(1)</script></svg>' } },
        { what: 'an SVG with an event handler', input: { ...base, svg: '<svg onload="alert(1)"></svg>' } },
        { what: 'an SVG with a javascript: link', input: { ...base, svg: '<svg><a href="javascript:alert(1)"></a></svg>' } },
        { what: 'an SVG over 900 kB', input: { ...base, svg: `<svg>${'x'.repeat(900_001)}</svg>` } },
      ];
    },
  },
  'mushaf.text': {
    as: 'student',
    cases: () => {
      const base = { surah: 67, fromAyah: 1, toAyah: 5 };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badNumber(base, 'surah'),
        ...badNumber(base, 'fromAyah'),
        ...badNumber(base, 'toAyah'),
        { what: 'surah 115', input: { ...base, surah: 115 } },
        { what: 'an ayah past the surah', input: { surah: 1, fromAyah: 1, toAyah: 8 } },
        { what: 'from after to', input: { ...base, fromAyah: 6 } },
      ];
    },
  },
  'mushaf.set': { as: 'teacher', cases: mushafCases },
  'poll.ask': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, question: 'هل حفظت؟', options: ['نعم', 'لا'] };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'question', ['   ', 'x'.repeat(301)]),
        { what: 'one answer', input: { ...base, options: ['نعم'] } },
        { what: 'seven answers', input: { ...base, options: ['1', '2', '3', '4', '5', '6', '7'] } },
        { what: 'the same answer twice', input: { ...base, options: ['نعم', 'نعم'] } },
        { what: 'a blank answer', input: { ...base, options: ['نعم', '  '] } },
        { what: 'an answer of 121 characters', input: { ...base, options: ['نعم', 'x'.repeat(121)] } },
        { what: 'answers not a list', input: { ...base, options: 'نعم,لا' } },
        { what: 'an answer that is a number', input: { ...base, options: ['نعم', 1] } },
      ];
    },
  },
  'poll.answer': {
    as: 'student',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, pollId: NONEXISTENT_ID, choice: 0 };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badIds(base, 'pollId'),
        ...[-1, 6, 1.5, '0', null, NaN].map((choice) => ({ what: `choice ${String(choice)}`, input: { ...base, choice } })),
      ];
    },
  },
  'poll.close': { as: 'teacher', cases: pollIdCases },
  'poll.showResults': { as: 'teacher', cases: pollIdCases },
  'poll.listForSession': {
    as: 'parent',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId')];
    },
  },
  'poll.academy': {
    as: 'supervisor',
    cases: (f) => {
      const base = { from: '2025-01-01', to: '2025-01-31' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'from', ['2025-13-01', '2025-1-1']),
        { what: 'to before from', input: { from: '2025-02-01', to: '2025-01-31' } },
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'recitation.record': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, studentId: f.studentId, ...RECITED };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badIds(base, 'studentId'),
        { what: 'a student of another academy', input: { ...base, studentId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
        { what: 'the teacher as the student', input: { ...base, studentId: f.teacherId }, expect: 'NOT_FOUND' },
        ...recitationFieldCases(base),
      ];
    },
  },
  'recitation.update': {
    as: 'teacher',
    cases: () => {
      const base = { recitationId: NONEXISTENT_ID, ...RECITED };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'recitationId'), ...recitationFieldCases(base).filter((c) => !c.what.startsWith('a grade off'))];
    },
  },
  'recitation.listForSession': {
    as: 'parent',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId')];
    },
  },
  'recitation.progress': {
    as: 'parent',
    cases: (f) => {
      const base = { studentId: f.studentId, last: 10 };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'studentId'),
        { what: 'a student of another academy', input: { ...base, studentId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
        { what: 'last 0', input: { ...base, last: 0 } },
        { what: 'last 101', input: { ...base, last: 101 } },
        { what: 'last a fraction', input: { ...base, last: 1.5 } },
        { what: 'last a string', input: { ...base, last: '10' } },
      ];
    },
  },
  'recitation.academy': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { from: '2025-01-01', to: '2025-01-31' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'from', ['2025-13-01', '2025-02-30', '1999-12-31', '2025-1-1', '01/02/2025']),
        ...badString(base, 'to', ['2101-01-01', '2025-01-01T00:00:00Z']),
        { what: 'to before from', input: { from: '2025-02-01', to: '2025-01-31' } },
        { what: 'more than 366 days', input: { from: '2024-01-01', to: '2025-01-02' } },
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'recitation.setGradeScale': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { scale: 'percent' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'scale', ['Percent', 'out_of_100', 'five-level']),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'mushaf.close': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId')];
    },
  },
};
