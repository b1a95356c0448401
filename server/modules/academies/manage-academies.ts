/**
 * The super admin's academy administration: create an academy (with its
 * video settings row, at the defaults of docs/rules.md), edit its names,
 * time zone and default language, and deactivate or reactivate it. A
 * deactivated academy's people are refused at their next request and
 * sign-in (server/auth/session-actor.ts), its links stop working, and no
 * sweep opens its rooms. Its data stays.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, academyVideoSettings } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from './resolve-academy';
import type { CreateAcademyInput, SetAcademyActiveInput, UpdateAcademyInput } from './schemas';

function assertSuperAdmin(actor: Actor) {
  if (actor.role !== 'super_admin') throw new DomainError('FORBIDDEN', 'Only the platform admin manages academies');
}

const isSlugTaken = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; constraint_name?: string } })?.cause;
  return cause?.code === '23505' && (cause.constraint_name ?? '').includes('slug');
};

export async function createAcademy(deps: Pick<Deps, 'db'>, actor: Actor, input: CreateAcademyInput): Promise<Academy> {
  assertSuperAdmin(actor);
  try {
    return await deps.db.transaction(async (tx) => {
      const [academy] = await tx.insert(academies).values(input).returning();
      await tx.insert(academyVideoSettings).values({ academyId: academy!.id });
      return academy!;
    });
  } catch (error) {
    if (isSlugTaken(error)) throw new DomainError('CONFLICT', 'Another academy has this slug', { cause: error });
    throw error;
  }
}

async function getAcademyOrThrow(db: Deps['db'], academyId: number): Promise<Academy> {
  const [academy] = await db.select().from(academies).where(eq(academies.id, academyId));
  if (!academy) throw new DomainError('NOT_FOUND', 'Academy not found');
  return academy;
}

export async function updateAcademy(deps: Pick<Deps, 'db'>, actor: Actor, input: UpdateAcademyInput): Promise<Academy> {
  assertSuperAdmin(actor);
  await getAcademyOrThrow(deps.db, input.academyId);
  const { academyId, ...values } = input;
  const [academy] = await deps.db.update(academies).set(values).where(eq(academies.id, academyId)).returning();
  return academy!;
}

export async function setAcademyActive(deps: Pick<Deps, 'db'>, actor: Actor, input: SetAcademyActiveInput): Promise<Academy> {
  assertSuperAdmin(actor);
  await getAcademyOrThrow(deps.db, input.academyId);
  const [academy] = await deps.db.update(academies).set({ active: input.active }).where(eq(academies.id, input.academyId)).returning();
  return academy!;
}
