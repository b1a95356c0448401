/**
 * Bad inputs for the teaching tools' procedures (mushaf.*, recitation.*,
 * poll.*), merged with the other tables in bad-inputs.int.test.ts.
 */
import { badIds, notAnObject, TEN_KB, unknownKeys, type BadInputCase, type BadInputFixture, type ProcedureBadInputs } from '@/server/testing/bad-input-cases';

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

export const TOOLS_BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
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
  'mushaf.close': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId')];
    },
  },
};
