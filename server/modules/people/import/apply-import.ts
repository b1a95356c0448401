/**
 * Applying a previewed roster, one batch per call (the admin's page calls
 * again until done, showing progress; the bench does the same). A batch is
 * one transaction of set-based statements (arrays unnested, a few
 * parameters whatever the batch's size): upsert the people by email,
 * invite those created (their mails queued with them), link parents, add circle and course memberships —
 * each "on conflict do nothing", so applying again changes nothing. The
 * import row is locked for the batch, so two tabs applying the same import
 * take turns and never apply a batch twice. Every row is checked again
 * against the database as it is now: an email another academy took since
 * the preview is refused, not overwritten.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import type { Deps } from '@/server/deps';
import { accountTokens, circleMembers, courseEnrollments, parentChildren, peopleImports, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { hashToken, newTokenValue, queueAccountMails, TOKEN_LIFETIME_MS } from '@/server/modules/accounts';
import { NO_PASSWORD } from '../create-person';
import type { ImportApplyInput } from '../schemas';
import { invitationMailOf } from '../send-invitation';
import type { PlannedRow } from './plan-import';

export const IMPORT_BATCH_ROWS = 1000;

export interface ImportProgress {
  importId: string;
  total: number;
  applied: number;
  done: boolean;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

const progressOf = (row: typeof peopleImports.$inferSelect): ImportProgress => ({
  importId: row.id,
  total: row.total,
  applied: row.applied,
  done: row.applied >= row.total,
  created: row.created,
  updated: row.updated,
  unchanged: row.unchanged,
  refused: row.refused,
});

export async function applyImportBatch(deps: Pick<Deps, 'db' | 'clock' | 'appUrl' | 'mail'>, actor: Actor, academy: Academy, input: ImportApplyInput): Promise<ImportProgress> {
  return deps.db.transaction(async (tx) => {
    const [stored] = await tx
      .select()
      .from(peopleImports)
      .where(and(eq(peopleImports.id, input.importId), eq(peopleImports.academyId, academy.id)))
      .for('update');
    if (!stored) throw new DomainError('NOT_FOUND', 'Import not found');
    if (stored.applied >= stored.total) return progressOf(stored);
    const batch = (stored.rows as PlannedRow[]).slice(stored.applied, stored.applied + IMPORT_BATCH_ROWS);
    const outcome = await applyRows({ ...deps, db: tx }, { academy, actorId: actor.id, now: deps.clock.now() }, batch);
    const [updated] = await tx
      .update(peopleImports)
      .set({
        applied: stored.applied + batch.length,
        created: stored.created + outcome.created,
        updated: stored.updated + outcome.updated,
        unchanged: stored.unchanged + outcome.unchanged,
        refused: stored.refused + outcome.refused,
      })
      .where(eq(peopleImports.id, stored.id))
      .returning();
    return progressOf(updated!);
  });
}

/** One array parameter per column (unnest), not one parameter per value: a batch is a few small statements. */
const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;
const intArray = (values: number[]) => sql`${sql.param(values)}::int[]`;

async function applyRows(
  deps: Pick<Deps, 'appUrl' | 'mail'> & { db: DbExecutor },
  at: { academy: Academy; actorId: number; now: Date },
  rows: PlannedRow[],
): Promise<BatchOutcome> {
  const tx = deps.db;
  const academyId = at.academy.id;
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, refused: 0 };
  // 1. People, keyed by email: a new email is inserted; a known one of this academy and role gets its name.
  const written = await tx.execute<{ id: number; email: string; inserted: boolean }>(sql`
    INSERT INTO ${users} (academy_id, name, email, role, password_hash)
    SELECT ${academyId}::int, t.name, t.email, t.role::user_role, ${NO_PASSWORD}
    FROM unnest(${textArray(rows.map((r) => r.name))}, ${textArray(rows.map((r) => r.email))}, ${textArray(rows.map((r) => r.role!))}) AS t(name, email, role)
    ON CONFLICT (email) DO UPDATE SET name = excluded.name
    WHERE ${users.academyId} = excluded.academy_id AND ${users.role} = excluded.role AND ${users.name} IS DISTINCT FROM excluded.name
    RETURNING id, email, (xmax = 0) AS inserted`);
  const createdIds = new Set(written.filter((w) => w.inserted).map((w) => w.id));
  const renamed = new Set(written.filter((w) => !w.inserted).map((w) => w.email));

  // 2. Who each email is now (the rows', and the parents' they name).
  const emails = [...new Set(rows.flatMap((r) => (r.parentEmail ? [r.email, r.parentEmail] : [r.email])))];
  const people = new Map(
    (
      await tx
        .select({ id: users.id, email: users.email, academyId: users.academyId, role: users.role })
        .from(users)
        .where(sql`${users.email} = ANY(${sql.param(emails)}::text[])`)
    ).map((p) => [p.email, p]),
  );
  const ok = rows.filter((r) => {
    const p = people.get(r.email);
    return p && p.academyId === academyId && p.role === r.role;
  });

  // 3. Invitations for everyone created, their mails queued in the same transaction.
  const invited = ok.filter((r) => createdIds.has(people.get(r.email)!.id));
  if (invited.length) {
    const expiresAt = new Date(at.now.getTime() + TOKEN_LIFETIME_MS.invitation);
    const tokens = invited.map(() => newTokenValue());
    await tx.execute(sql`
      INSERT INTO ${accountTokens} (token_hash, purpose, user_id, academy_id, created_by, created_at, expires_at)
      SELECT t.hash, 'invitation', t.user_id, ${academyId}::int, ${at.actorId}::int, ${at.now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz
      FROM unnest(${textArray(tokens.map(hashToken))}, ${intArray(invited.map((r) => people.get(r.email)!.id))}) AS t(hash, user_id)`);
    await queueAccountMails(
      deps,
      invited.map((r, i) => invitationMailOf({ id: people.get(r.email)!.id, email: r.email, name: r.name, locale: null, timezone: null }, at.academy, { token: tokens[i]!, expiresAt })),
    );
  }

  // 4. Parent links and memberships; each new one counts as an update of the student.
  const linkedStudents = new Set<number>();
  const links = ok
    .filter((r) => r.parentEmail)
    .map((r) => ({ parent: people.get(r.parentEmail!), childId: people.get(r.email)!.id }))
    .filter((l) => l.parent && l.parent.academyId === academyId && l.parent.role === 'parent')
    .map((l) => ({ academyId: academyId, parentId: l.parent!.id, childId: l.childId }));
  if (links.length) {
    const made = await tx.execute<{ child_id: number }>(sql`
      INSERT INTO ${parentChildren} (academy_id, parent_id, child_id)
      SELECT ${academyId}::int, t.parent_id, t.child_id FROM unnest(${intArray(links.map((l) => l.parentId))}, ${intArray(links.map((l) => l.childId))}) AS t(parent_id, child_id)
      ON CONFLICT DO NOTHING RETURNING child_id`);
    for (const m of made) linkedStudents.add(m.child_id);
  }
  const members = ok.filter((r) => r.circleId).map((r) => ({ academyId: academyId, circleId: r.circleId!, studentId: people.get(r.email)!.id }));
  if (members.length) {
    const made = await tx.execute<{ student_id: number }>(sql`
      INSERT INTO ${circleMembers} (academy_id, circle_id, student_id)
      SELECT ${academyId}::int, t.group_id, t.student_id FROM unnest(${intArray(members.map((m) => m.circleId))}, ${intArray(members.map((m) => m.studentId))}) AS t(group_id, student_id)
      ON CONFLICT DO NOTHING RETURNING student_id`);
    for (const m of made) linkedStudents.add(m.student_id);
  }
  const enrolments = ok.filter((r) => r.courseId).map((r) => ({ academyId: academyId, courseId: r.courseId!, studentId: people.get(r.email)!.id }));
  if (enrolments.length) {
    const made = await tx.execute<{ student_id: number }>(sql`
      INSERT INTO ${courseEnrollments} (academy_id, course_id, student_id)
      SELECT ${academyId}::int, t.group_id, t.student_id FROM unnest(${intArray(enrolments.map((e) => e.courseId))}, ${intArray(enrolments.map((e) => e.studentId))}) AS t(group_id, student_id)
      ON CONFLICT DO NOTHING RETURNING student_id`);
    for (const m of made) linkedStudents.add(m.student_id);
  }

  let created = 0;
  let updated = 0;
  for (const r of ok) {
    const id = people.get(r.email)!.id;
    if (createdIds.has(id)) created++;
    else if (renamed.has(r.email) || linkedStudents.has(id)) updated++;
  }
  return { created, updated, unchanged: ok.length - created - updated, refused: rows.length - ok.length };
}

/** The import's state without applying anything (the page asks after a reload). */
export async function getImportProgress(deps: Pick<Deps, 'db'>, academy: Academy, importId: string): Promise<ImportProgress> {
  const [stored] = await deps.db.select().from(peopleImports).where(and(eq(peopleImports.id, importId), eq(peopleImports.academyId, academy.id)));
  if (!stored) throw new DomainError('NOT_FOUND', 'Import not found');
  return progressOf(stored);
}
