/**
 * Applying a previewed roster, one batch per call (the admin's page calls
 * again until done, showing progress; the bench does the same). A batch is
 * one transaction of set-based statements: upsert the people by email,
 * invite those created, link parents, add circle and course memberships —
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
import { hashToken, newTokenValue, TOKEN_LIFETIME_MS } from '@/server/modules/accounts';
import { NO_PASSWORD } from '../create-person';
import type { ImportApplyInput } from '../schemas';
import type { PlannedRow } from './plan-import';

export const IMPORT_BATCH_ROWS = 500;

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

export async function applyImportBatch(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, academy: Academy, input: ImportApplyInput): Promise<ImportProgress> {
  return deps.db.transaction(async (tx) => {
    const [stored] = await tx
      .select()
      .from(peopleImports)
      .where(and(eq(peopleImports.id, input.importId), eq(peopleImports.academyId, academy.id)))
      .for('update');
    if (!stored) throw new DomainError('NOT_FOUND', 'Import not found');
    if (stored.applied >= stored.total) return progressOf(stored);
    const batch = (stored.rows as PlannedRow[]).slice(stored.applied, stored.applied + IMPORT_BATCH_ROWS);
    const outcome = await applyRows(tx, { academyId: academy.id, actorId: actor.id, now: deps.clock.now() }, batch);
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

async function applyRows(tx: DbExecutor, at: { academyId: number; actorId: number; now: Date }, rows: PlannedRow[]): Promise<BatchOutcome> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, refused: 0 };
  // 1. People, keyed by email: a new email is inserted; a known one of this academy and role gets its name.
  const written = await tx
    .insert(users)
    .values(rows.map((r) => ({ academyId: at.academyId, name: r.name, email: r.email, role: r.role!, passwordHash: NO_PASSWORD })))
    .onConflictDoUpdate({
      target: users.email,
      set: { name: sql`excluded.name` },
      setWhere: sql`${users.academyId} = excluded.academy_id AND ${users.role} = excluded.role AND ${users.name} IS DISTINCT FROM excluded.name`,
    })
    .returning({ id: users.id, email: users.email, inserted: sql<boolean>`(xmax = 0)` });
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
    return p && p.academyId === at.academyId && p.role === r.role;
  });

  // 3. Invitations for everyone created (the link goes out by mail; the admin can send a fresh one to copy).
  const invited = ok.filter((r) => createdIds.has(people.get(r.email)!.id));
  if (invited.length) {
    const expiresAt = new Date(at.now.getTime() + TOKEN_LIFETIME_MS.invitation);
    await tx.insert(accountTokens).values(
      invited.map((r) => ({
        tokenHash: hashToken(newTokenValue()),
        purpose: 'invitation' as const,
        userId: people.get(r.email)!.id,
        academyId: at.academyId,
        createdBy: at.actorId,
        createdAt: at.now,
        expiresAt,
      })),
    );
  }

  // 4. Parent links and memberships; each new one counts as an update of the student.
  const linkedStudents = new Set<number>();
  const links = ok
    .filter((r) => r.parentEmail)
    .map((r) => ({ parent: people.get(r.parentEmail!), childId: people.get(r.email)!.id }))
    .filter((l) => l.parent && l.parent.academyId === at.academyId && l.parent.role === 'parent')
    .map((l) => ({ academyId: at.academyId, parentId: l.parent!.id, childId: l.childId }));
  if (links.length) {
    const made = await tx.insert(parentChildren).values(links).onConflictDoNothing().returning({ childId: parentChildren.childId });
    for (const m of made) linkedStudents.add(m.childId);
  }
  const members = ok.filter((r) => r.circleId).map((r) => ({ academyId: at.academyId, circleId: r.circleId!, studentId: people.get(r.email)!.id }));
  if (members.length) {
    const made = await tx.insert(circleMembers).values(members).onConflictDoNothing().returning({ studentId: circleMembers.studentId });
    for (const m of made) linkedStudents.add(m.studentId);
  }
  const enrolments = ok.filter((r) => r.courseId).map((r) => ({ academyId: at.academyId, courseId: r.courseId!, studentId: people.get(r.email)!.id }));
  if (enrolments.length) {
    const made = await tx.insert(courseEnrollments).values(enrolments).onConflictDoNothing().returning({ studentId: courseEnrollments.studentId });
    for (const m of made) linkedStudents.add(m.studentId);
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
