import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbExecutor } from '@/server/db';
import { users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { verifyPassword } from './password';

const credentials = z.object({ email: z.string().email().max(320), password: z.string().min(1).max(200) });

/** Email + password → the actor, or null; the same answer for an unknown email and a wrong password. */
export async function authenticate(db: DbExecutor, input: unknown): Promise<Actor | null> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email.toLowerCase()));
  if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  return { id: user.id, role: user.role, academyId: user.academyId, name: user.name };
}
