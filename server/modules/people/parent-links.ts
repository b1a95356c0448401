/** Linking a parent to a child: both of the academy, a parent and a student. Linking twice changes nothing. */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { parentChildren } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { getPersonOrThrow } from './person-access';
import type { ParentLinkInput } from './schemas';

async function checkPair(db: Deps['db'], academy: Academy, input: ParentLinkInput) {
  const parent = await getPersonOrThrow(db, academy.id, input.parentId);
  const child = await getPersonOrThrow(db, academy.id, input.childId);
  if (parent.role !== 'parent') throw new DomainError('BAD_REQUEST', 'The first person is not a parent');
  if (child.role !== 'student') throw new DomainError('BAD_REQUEST', 'The child is not a student');
}

export async function linkParent(deps: Pick<Deps, 'db'>, academy: Academy, input: ParentLinkInput): Promise<{ linked: boolean }> {
  await checkPair(deps.db, academy, input);
  const rows = await deps.db
    .insert(parentChildren)
    .values({ academyId: academy.id, parentId: input.parentId, childId: input.childId })
    .onConflictDoNothing()
    .returning({ parentId: parentChildren.parentId });
  return { linked: rows.length > 0 };
}

export async function unlinkParent(deps: Pick<Deps, 'db'>, academy: Academy, input: ParentLinkInput): Promise<{ unlinked: boolean }> {
  await getPersonOrThrow(deps.db, academy.id, input.parentId);
  await getPersonOrThrow(deps.db, academy.id, input.childId);
  const rows = await deps.db
    .delete(parentChildren)
    .where(and(eq(parentChildren.academyId, academy.id), eq(parentChildren.parentId, input.parentId), eq(parentChildren.childId, input.childId)))
    .returning({ parentId: parentChildren.parentId });
  return { unlinked: rows.length > 0 };
}
