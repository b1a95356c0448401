/**
 * What importing a roster will do, row by row — pure, so preview and tests
 * agree by construction. Keyed by email within the academy: a new email is
 * created, a known one updated (its name, a new parent link or group) or
 * left unchanged; applying the plan twice changes nothing the second time.
 * A row is refused, with every reason that applies, for: no name, a bad
 * email, a role other than teacher/supervisor/student/parent, an email seen
 * earlier in the file, an email of another academy (or the platform), an
 * academy admin's account, a role different from the person's (roles are
 * changed on the person's page), a parent email that is bad or names no
 * parent of the academy or the file, an unknown circle or course, and links
 * on a row that is not a student's.
 */
import 'server-only';
import { z } from 'zod';
import { PERSON_ROLES, type PersonRole } from '@/shared/people/roles';
import type { RosterRow } from './roster-csv';

export type RefusalReason =
  | 'missing-name'
  | 'name-too-long'
  | 'bad-email'
  | 'bad-role'
  | 'duplicate-email'
  | 'other-academy'
  | 'admin-account'
  | 'role-differs'
  | 'bad-parent-email'
  | 'unknown-parent'
  | 'unknown-circle'
  | 'unknown-course'
  | 'links-for-non-student';

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'refused';

export interface PlannedRow {
  line: number;
  name: string;
  email: string;
  role: PersonRole | null;
  parentEmail: string | null;
  circleId: number | null;
  courseId: number | null;
  action: PlannedAction;
  reasons: RefusalReason[];
}

/** What the database knows of the emails the file names, and the academy's groups. */
export interface ImportContext {
  academyId: number;
  people: Map<string, { id: number; academyId: number | null; role: string; name: string }>;
  circles: Map<string, number>;
  courses: Map<string, number>;
  /** `${parentId}:${childId}` */
  parentLinks: Set<string>;
  /** `${studentId}:${circleId}` and `${studentId}:${courseId}` */
  circleMembers: Set<string>;
  courseEnrollments: Set<string>;
}

const ROLE_ALIASES: Record<string, PersonRole> = {
  teacher: 'teacher',
  'معلم': 'teacher',
  'المعلم': 'teacher',
  'معلمة': 'teacher',
  supervisor: 'supervisor',
  'مشرف': 'supervisor',
  'مشرفة': 'supervisor',
  student: 'student',
  'طالب': 'student',
  'طالبة': 'student',
  parent: 'parent',
  'ولي أمر': 'parent',
  'ولي الأمر': 'parent',
};

const email = z.string().max(320).email();
export const groupKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
const MAX_NAME = 200;

export function readRole(raw: string): PersonRole | null {
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  return ROLE_ALIASES[key] ?? ((PERSON_ROLES as readonly string[]).includes(key) ? (key as PersonRole) : null);
}

export function planImport(rows: RosterRow[], ctx: ImportContext): PlannedRow[] {
  const planned = planRows(rows, ctx);
  // A student may name a parent the file creates, but only one whose own row is accepted.
  const refusedParents = new Set(planned.filter((r) => r.role === 'parent' && r.action === 'refused').map((r) => r.email));
  const accepted = new Set(planned.filter((r) => r.role === 'parent' && r.action !== 'refused').map((r) => r.email));
  return planned.map((r) =>
    r.parentEmail && refusedParents.has(r.parentEmail) && !accepted.has(r.parentEmail) && !ctx.people.has(r.parentEmail) && r.action !== 'refused'
      ? { ...r, action: 'refused', reasons: [...r.reasons, 'unknown-parent'] }
      : r,
  );
}

function planRows(rows: RosterRow[], ctx: ImportContext): PlannedRow[] {
  const seen = new Set<string>();
  const fileParents = new Set(rows.filter((r) => readRole(r.role) === 'parent').map((r) => r.email.trim().toLowerCase()));
  return rows.map((row) => {
    const reasons: RefusalReason[] = [];
    const mail = row.email.trim().toLowerCase();
    const role = readRole(row.role);
    const parentEmail = row.parentEmail.trim().toLowerCase() || null;
    if (!row.name.trim()) reasons.push('missing-name');
    if (row.name.length > MAX_NAME) reasons.push('name-too-long');
    if (!email.safeParse(mail).success) reasons.push('bad-email');
    if (!role) reasons.push('bad-role');
    if (mail && seen.has(mail)) reasons.push('duplicate-email');
    seen.add(mail);
    const known = ctx.people.get(mail);
    if (known && known.academyId !== ctx.academyId) reasons.push('other-academy');
    else if (known?.role === 'academy_admin') reasons.push('admin-account');
    else if (known && role && known.role !== role) reasons.push('role-differs');
    const hasLinks = Boolean(parentEmail || row.circle || row.course);
    if (hasLinks && role && role !== 'student') reasons.push('links-for-non-student');
    let circleId: number | null = null;
    let courseId: number | null = null;
    if (role === 'student') {
      if (parentEmail) {
        const parent = ctx.people.get(parentEmail);
        if (!email.safeParse(parentEmail).success || parentEmail === mail) reasons.push('bad-parent-email');
        else if (parent ? parent.academyId !== ctx.academyId || parent.role !== 'parent' : !fileParents.has(parentEmail)) reasons.push('unknown-parent');
      }
      if (row.circle) {
        circleId = ctx.circles.get(groupKey(row.circle)) ?? null;
        if (circleId === null) reasons.push('unknown-circle');
      }
      if (row.course) {
        courseId = ctx.courses.get(groupKey(row.course)) ?? null;
        if (courseId === null) reasons.push('unknown-course');
      }
    }
    const base = { line: row.line, name: row.name.trim(), email: mail, role, parentEmail, circleId, courseId, reasons };
    if (reasons.length) return { ...base, action: 'refused' };
    if (!known) return { ...base, action: 'create' };
    const parent = parentEmail ? ctx.people.get(parentEmail) : undefined;
    const changes =
      known.name !== base.name ||
      (parentEmail !== null && (!parent || !ctx.parentLinks.has(`${parent.id}:${known.id}`))) ||
      (circleId !== null && !ctx.circleMembers.has(`${known.id}:${circleId}`)) ||
      (courseId !== null && !ctx.courseEnrollments.has(`${known.id}:${courseId}`));
    return { ...base, action: changes ? 'update' : 'unchanged' };
  });
}

/** The order rows are applied in: parents (and every other non-student) before the students who name them. */
export function applyOrder(rows: PlannedRow[]): PlannedRow[] {
  const apply = rows.filter((r) => r.action !== 'refused');
  return [...apply.filter((r) => r.role !== 'student'), ...apply.filter((r) => r.role === 'student')];
}
