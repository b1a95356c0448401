/**
 * Which person an admin may act on: one of the academy's own (another
 * academy's, or nobody, is NOT_FOUND alike), and an academy admin's account
 * is changed by the platform's super admin only — an academy admin cannot
 * lock out or demote a colleague, or themself.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

export type Person = typeof users.$inferSelect;

export async function getPersonOrThrow(db: DbExecutor, academyId: number, userId: number): Promise<Person> {
  const [person] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.academyId, academyId)));
  if (!person) throw new DomainError('NOT_FOUND', 'Person not found');
  return person;
}

export function assertMayChange(actor: Actor, person: Person): void {
  if (person.role === 'academy_admin' && actor.role !== 'super_admin') {
    throw new DomainError('FORBIDDEN', "An academy admin's account is changed by the platform's administrator");
  }
}

/** A unique-email violation, whichever statement made it. */
export function isEmailTaken(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; constraint_name?: string } })?.cause ?? (error as { code?: string; constraint_name?: string });
  return cause?.code === '23505' && (cause.constraint_name ?? '').includes('email');
}

/** What the admin's pages see of a person: never the password hash. */
export interface PersonView {
  id: number;
  name: string;
  email: string;
  role: Person['role'];
  locale: 'ar' | 'en' | null;
  active: boolean;
  /** Invited and has not set a password yet. */
  invited: boolean;
  anonymised: boolean;
  createdAt: Date;
}

export function toPersonView(p: Person): PersonView {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    locale: p.locale,
    active: p.active,
    invited: p.passwordSetAt === null,
    anonymised: p.anonymisedAt !== null,
    createdAt: p.createdAt,
  };
}
