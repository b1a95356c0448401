/**
 * Bad inputs for the people, account and academy-administration procedures
 * (issue 16), merged into BAD_INPUT_CASES (./bad-input-cases.ts). As there,
 * each case starts from an input that would be accepted.
 */
import { badBoolean, badBoundedInt, badIds, badString, missing, notAnObject, TEN_KB, unknownKeys, type BadInputCase, type BadInputFixture, type ProcedureBadInputs } from './bad-input-kit';

type Obj = Record<string, unknown>;

const BAD_EMAILS = ['not-an-email', 'a@', '@example.test', 'a b@example.test', `${'x'.repeat(320)}@example.test`];
const BAD_NAMES = ['   ', 'x'.repeat(201)];
const WELL_FORMED_UNKNOWN_TOKEN = 'A'.repeat(43);
const BAD_TOKENS = ['short', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}!`, `${'A'.repeat(42)}=`, '../../etc/passwd'];

function otherAcademy(f: BadInputFixture, base: Obj): BadInputCase {
  return { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' };
}

/** The people procedures that take one person of the academy. */
function onePerson(extra: Obj = {}): ProcedureBadInputs['cases'] {
  return (f) => {
    const base = { userId: f.studentId, ...extra };
    return [
      ...notAnObject(),
      ...unknownKeys(base),
      ...badIds(base, 'userId'),
      { what: 'userId of another academy', input: { ...base, userId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
      ...badIds(base, 'academyId', { optional: true }),
      otherAcademy(f, base),
    ];
  };
}

function parentLink(f: BadInputFixture): BadInputCase[] {
  const base = { parentId: f.parentId, childId: f.studentId };
  return [
    ...notAnObject(),
    ...unknownKeys(base),
    ...badIds(base, 'parentId'),
    ...badIds(base, 'childId'),
    { what: 'a child of another academy', input: { ...base, childId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
    otherAcademy(f, base),
  ];
}

function tokenAndPassword(): BadInputCase[] {
  const base = { token: WELL_FORMED_UNKNOWN_TOKEN, password: 'a long enough password' };
  return [
    ...notAnObject(),
    ...unknownKeys(base),
    ...badString(base, 'token', BAD_TOKENS),
    ...badString(base, 'password', ['eleven char', 'x'.repeat(201)]),
    { what: 'a well-formed token of no link', input: base, expect: 'NOT_FOUND' },
  ];
}

export const PEOPLE_BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
  'people.list': {
    as: 'supervisor',
    cases: (f) => {
      const base = { role: 'student', status: 'active', page: 1, pageSize: 25, search: 'a' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'role', ['super_admin', 'STUDENT', 'admin'], { optional: true }),
        ...badString(base, 'status', ['deleted', 'ACTIVE'], { optional: true }),
        ...badBoundedInt(base, 'page', 1, 10_000),
        ...badBoundedInt(base, 'pageSize', 1, 100),
        ...[TEN_KB, 1, null, ['a']].map((search) => ({ what: `search ${typeof search === 'string' ? '10 kB' : JSON.stringify(search)}`, input: { ...base, search } })),
        ...badIds(base, 'academyId', { optional: true }),
        otherAcademy(f, base),
      ];
    },
  },
  'people.create': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { name: 'طالب', email: 'bad-input-create@example.test', role: 'student' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'name', BAD_NAMES),
        ...badString(base, 'email', BAD_EMAILS),
        ...badString(base, 'role', ['academy_admin', 'super_admin', 'Student']),
        ...badString(base, 'locale', ['fr', 'AR'], { optional: true }),
        ...badIds(base, 'academyId', { optional: true }),
        otherAcademy(f, base),
      ];
    },
  },
  'people.update': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { userId: f.studentId, name: 'اسم' };
      return [
        ...onePerson({ name: 'اسم' })(f),
        ...badString(base, 'name', BAD_NAMES, { optional: true }),
        ...badString(base, 'email', BAD_EMAILS, { optional: true }),
        ...badString(base, 'role', ['academy_admin', 'super_admin'], { optional: true }),
        { what: 'nothing to change', input: { userId: f.studentId } },
      ];
    },
  },
  'people.setActive': {
    as: 'academy_admin',
    cases: (f) => [...onePerson({ active: false })(f), ...badBoolean({ userId: f.studentId, active: false }, 'active'), missing({ userId: f.studentId, active: false }, 'active')],
  },
  'people.anonymise': { as: 'academy_admin', cases: onePerson() },
  'people.resendInvitation': { as: 'academy_admin', cases: onePerson() },
  'people.revokeInvitation': { as: 'academy_admin', cases: onePerson() },
  'people.linkParent': {
    as: 'academy_admin',
    cases: (f) => [
      ...parentLink(f),
      { what: 'a student as the parent', input: { parentId: f.studentId, childId: f.studentId } },
      { what: 'a teacher as the child', input: { parentId: f.parentId, childId: f.teacherId } },
    ],
  },
  'people.unlinkParent': { as: 'academy_admin', cases: parentLink },
  'people.importPreview': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { csv: 'name,email,role\nطالب,bad-input-import@example.test,student\n' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'csv', ['x'.repeat(2_000_001)]),
        { what: 'csv without an email column', input: { csv: 'name,role\nA,student\n' } },
        { what: 'csv with broken quoting', input: { csv: 'name,email,role\n"A,a@x.test,student\n' } },
        { what: 'csv of blank lines', input: { csv: '\n\n\n' } },
        ...badIds(base, 'academyId', { optional: true }),
        otherAcademy(f, base),
      ];
    },
  },
  'people.importApply': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { importId: '00000000-0000-4000-8000-000000000000' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'importId', ['not-a-uuid', '00000000-0000-4000-8000-00000000000g', '{00000000-0000-4000-8000-000000000000}']),
        { what: 'importId of no import', input: base, expect: 'NOT_FOUND' },
        ...badIds(base, 'academyId', { optional: true }),
        otherAcademy(f, base),
      ];
    },
  },

  'academies.create': {
    as: 'super_admin',
    cases: () => {
      const base = { slug: 'bad-input-academy', nameAr: 'أكاديمية', nameEn: 'Academy', timezone: 'Asia/Riyadh', defaultLocale: 'ar' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'slug', ['Upper', 'with space', '-leading', 'trailing-', 'double--hyphen', 'ab', 'x'.repeat(51), 'عربي']),
        ...badString(base, 'nameAr', BAD_NAMES),
        ...badString(base, 'nameEn', BAD_NAMES),
        ...badString(base, 'timezone', ['+03:00', 'AST', 'Mars/Olympus_Mons', 'asia/riyadh ', 'GMT+3']),
        ...badString(base, 'defaultLocale', ['fr', 'AR']),
      ];
    },
  },
  'academies.update': {
    as: 'super_admin',
    cases: (f) => {
      const base = { academyId: f.otherAcademyId, nameEn: 'Renamed' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'academyId'),
        ...badString(base, 'timezone', ['+03:00', 'Mars/Olympus_Mons'], { optional: true }),
        ...badString(base, 'nameAr', BAD_NAMES, { optional: true }),
        { what: 'nothing to change', input: { academyId: f.academyId } },
      ];
    },
  },
  'academies.setActive': {
    as: 'super_admin',
    cases: (f) => {
      const base = { academyId: f.academyId, active: false };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'academyId'), ...badBoolean(base, 'active'), missing(base, 'active')];
    },
  },
  'academies.inviteAdmin': {
    as: 'super_admin',
    cases: (f) => {
      const base = { academyId: f.academyId, name: 'مدير', email: 'bad-input-admin@example.test' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'academyId'),
        ...badString(base, 'name', BAD_NAMES),
        ...badString(base, 'email', BAD_EMAILS),
        ...badString(base, 'locale', ['fr'], { optional: true }),
      ];
    },
  },

  'account.link': {
    as: 'student',
    cases: () => {
      const base = { token: WELL_FORMED_UNKNOWN_TOKEN };
      return [...notAnObject(), ...unknownKeys(base), ...badString(base, 'token', BAD_TOKENS)];
    },
  },
  'account.acceptInvitation': { as: 'student', cases: tokenAndPassword },
  'account.resetPassword': { as: 'student', cases: tokenAndPassword },
  'account.requestPasswordReset': {
    as: 'student',
    cases: () => {
      const base = { email: 'someone@example.test' };
      return [...notAnObject(), ...unknownKeys(base), ...badString(base, 'email', BAD_EMAILS), ...badString(base, 'locale', ['fr'], { optional: true })];
    },
  },
  'account.changePassword': {
    as: 'teacher',
    cases: () => {
      const base = { currentPassword: 'whatever it is', newPassword: 'a long enough password' };
      return [...notAnObject(), ...unknownKeys(base), ...badString(base, 'currentPassword', ['x'.repeat(201)]), ...badString(base, 'newPassword', ['eleven char', 'x'.repeat(201)])];
    },
  },
};

