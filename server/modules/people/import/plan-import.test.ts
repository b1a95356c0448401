import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOrder, planImport, type ImportContext } from './plan-import';
import { parseRoster } from './roster-csv';

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  academyId: 1,
  people: new Map(),
  circles: new Map([['al-fajr circle', 10]]),
  courses: new Map([['tajweed', 20]]),
  parentLinks: new Set(),
  circleMembers: new Set(),
  courseEnrollments: new Set(),
  ...over,
});

describe('parseRoster', () => {
  it('reads UTF-8 with a BOM, Arabic names, quoted commas, headers in any order and case, and Arabic headers', () => {
    const text = '\uFEFFEmail,Name,ROLE,Parent Email,Circle\r\nali@x.test,"علي بن أحمد, الصغير",student,abu.ali@x.test,Al-Fajr circle\r\n\r\nabu.ali@x.test,أبو علي,parent,,\r\n';
    const rows = parseRoster(text);
    expect(rows).toEqual([
      { line: 2, name: 'علي بن أحمد, الصغير', email: 'ali@x.test', role: 'student', parentEmail: 'abu.ali@x.test', circle: 'Al-Fajr circle', course: '' },
      { line: 4, name: 'أبو علي', email: 'abu.ali@x.test', role: 'parent', parentEmail: '', circle: '', course: '' },
    ]);
    const arabic = parseRoster('الاسم,البريد الإلكتروني,الدور\nفاطمة,f@x.test,طالبة\n');
    expect(arabic[0]).toMatchObject({ name: 'فاطمة', email: 'f@x.test', role: 'طالبة' });
    // Without the BOM the same.
    expect(parseRoster(text.slice(1))).toEqual(rows);
  });

  it('refuses a file without the required columns, an empty file, and broken quoting, saying why', () => {
    expect(() => parseRoster('name,role\nA,student\n')).toThrow(/no email column/);
    expect(() => parseRoster('')).toThrow(/empty/);
    expect(() => parseRoster('name,email,role\n"unclosed,a@x.test,student\n')).toThrow(/not valid CSV/);
  });
});

describe('planImport', () => {
  it('creates, updates and leaves unchanged by email, and refuses with every reason', () => {
    const rows = parseRoster(
      [
        'name,email,role,parent email,circle,course',
        'Teacher One,t1@x.test,teacher,,,',
        'Known Student,known@x.test,student,,Al-Fajr circle,',
        'Renamed,renamed@x.test,parent,,,',
        ',noname@x.test,student,,,',
        'Bad,not-an-email,student,,,',
        'Bad role,r@x.test,principal,,,',
        'Dup,t1@x.test,teacher,,,',
        'Other,other@x.test,student,,,',
        'Admin,admin@x.test,teacher,,,',
        'Role,known2@x.test,teacher,,,',
        'Kid,kid@x.test,student,nobody@x.test,Nowhere,Nothing',
        'Teacher Links,t2@x.test,teacher,p@x.test,,',
        'Kid2,kid2@x.test,student,renamed@x.test,,tajweed',
      ].join('\n'),
    );
    const plan = planImport(
      rows,
      ctx({
        people: new Map([
          ['known@x.test', { id: 5, academyId: 1, role: 'student', name: 'Known Student' }],
          ['renamed@x.test', { id: 6, academyId: 1, role: 'parent', name: 'Old name' }],
          ['other@x.test', { id: 7, academyId: 2, role: 'student', name: 'Other' }],
          ['admin@x.test', { id: 8, academyId: 1, role: 'academy_admin', name: 'Admin' }],
          ['known2@x.test', { id: 9, academyId: 1, role: 'student', name: 'Role' }],
        ]),
        circleMembers: new Set(['5:10']),
      }),
    );
    expect(plan.map((r) => [r.email, r.action, r.reasons])).toEqual([
      ['t1@x.test', 'create', []],
      ['known@x.test', 'unchanged', []],
      ['renamed@x.test', 'update', []],
      ['noname@x.test', 'refused', ['missing-name']],
      ['not-an-email', 'refused', ['bad-email']],
      ['r@x.test', 'refused', ['bad-role']],
      ['t1@x.test', 'refused', ['duplicate-email']],
      ['other@x.test', 'refused', ['other-academy']],
      ['admin@x.test', 'refused', ['admin-account']],
      ['known2@x.test', 'refused', ['role-differs']],
      ['kid@x.test', 'refused', ['unknown-parent', 'unknown-circle', 'unknown-course']],
      ['t2@x.test', 'refused', ['links-for-non-student']],
      ['kid2@x.test', 'create', []],
    ]);
    expect(plan[12]).toMatchObject({ parentEmail: 'renamed@x.test', courseId: 20 });
  });

  it('lets a student name a parent the file creates, but not one whose row is refused', () => {
    const plan = planImport(
      parseRoster('name,email,role,parent_email\nKid,kid@x.test,student,mum@x.test\nMum,mum@x.test,parent,\nKid2,kid2@x.test,student,dad@x.test\n,dad@x.test,parent,\n'),
      ctx(),
    );
    expect(plan.map((r) => [r.email, r.action, r.reasons])).toEqual([
      ['kid@x.test', 'create', []],
      ['mum@x.test', 'create', []],
      ['kid2@x.test', 'refused', ['unknown-parent']],
      ['dad@x.test', 'refused', ['missing-name']],
    ]);
    expect(applyOrder(plan).map((r) => r.email)).toEqual(['mum@x.test', 'kid@x.test']);
  });

  it('is idempotent: once applied (every created person known, every link made), the same file plans no change', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ n: fc.integer({ min: 0, max: 30 }), role: fc.constantFrom('student', 'parent', 'teacher'), circle: fc.boolean() }), { maxLength: 40 }), (spec) => {
        const lines = spec.map((s, i) => `Person ${i},p${s.n}@x.test,${s.role},,${s.role === 'student' && s.circle ? 'Al-Fajr circle' : ''}`);
        const rows = parseRoster(['name,email,role,parent email,circle', ...lines].join('\n'));
        const first = planImport(rows, ctx());
        // "Apply": every accepted row exists with its name and role, with its membership.
        const people = new Map<string, { id: number; academyId: number; role: string; name: string }>();
        const circleMembers = new Set<string>();
        for (const r of applyOrder(first)) {
          const id = 100 + people.size;
          people.set(r.email, { id, academyId: 1, role: r.role!, name: r.name });
          if (r.circleId) circleMembers.add(`${id}:${r.circleId}`);
        }
        const second = planImport(rows, ctx({ people, circleMembers }));
        for (const [i, r] of second.entries()) {
          if (first[i]!.action === 'refused' && first[i]!.reasons.includes('duplicate-email')) expect(r.action).toBe('refused');
          else if (first[i]!.action !== 'refused') expect(r.action, `line ${r.line}`).toBe('unchanged');
        }
      }),
    );
  });
});
