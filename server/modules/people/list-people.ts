/**
 * The academy's people, a page at a time: by role, by status (active,
 * deactivated, invited and not yet signed up), and by a part of the name or
 * email. Each invited person carries their latest invitation's state, and
 * each whose address an SMTP server refused for good says so (the mail
 * worker sends nothing more to it: the admin corrects the email).
 */
import 'server-only';
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { accountTokens, mailRefusedAddresses, parentChildren, users } from '@/server/db/schema';
import type { Academy } from '@/server/modules/academies';
import { toPersonView, type PersonView } from './person-access';
import type { ListPeopleInput } from './schemas';

export interface PersonRow extends PersonView {
  /** The latest invitation of someone who has not set a password: until when it works, or that it no longer does. */
  invitation: { expiresAt: Date; state: 'pending' | 'expired' | 'revoked' } | null;
  /** Parents: their children; students: their parents. */
  linked: { id: number; name: string }[];
  /** The SMTP server's reason and when, if mail to this person's address is refused. */
  mailRefused: { reason: string; at: Date } | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listPeople(
  deps: Pick<Deps, 'db' | 'clock'>,
  academy: Academy,
  input: ListPeopleInput,
): Promise<{ rows: PersonRow[]; total: number; page: number; pageSize: number }> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 25;
  const filters: (SQL | undefined)[] = [eq(users.academyId, academy.id)];
  if (input.role) filters.push(eq(users.role, input.role));
  if (input.status === 'active') filters.push(eq(users.active, true), isNotNull(users.passwordSetAt));
  if (input.status === 'inactive') filters.push(eq(users.active, false));
  if (input.status === 'invited') filters.push(eq(users.active, true), isNull(users.passwordSetAt));
  if (input.status === 'mail_refused') {
    filters.push(sql`EXISTS (SELECT 1 FROM ${mailRefusedAddresses} WHERE ${mailRefusedAddresses.address} = ${users.email})`);
  }
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    filters.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await deps.db.select({ total: sql<number>`count(*)::int` }).from(users).where(where);
  const people = await deps.db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return { rows: [], total, page, pageSize };
  const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const invitations = await deps.db
    .selectDistinctOn([accountTokens.userId], { userId: accountTokens.userId, expiresAt: accountTokens.expiresAt, revokedAt: accountTokens.revokedAt, usedAt: accountTokens.usedAt })
    .from(accountTokens)
    .where(and(eq(accountTokens.purpose, 'invitation'), sql`${accountTokens.userId} IN (${idList})`))
    .orderBy(accountTokens.userId, desc(accountTokens.createdAt), desc(accountTokens.id));
  const links = await deps.db
    .select()
    .from(parentChildren)
    .where(and(eq(parentChildren.academyId, academy.id), or(sql`${parentChildren.parentId} IN (${idList})`, sql`${parentChildren.childId} IN (${idList})`)));
  const refused = new Map(
    (
      await deps.db
        .select()
        .from(mailRefusedAddresses)
        .where(sql`${mailRefusedAddresses.address} = ANY(${sql.param(people.map((p) => p.email))}::text[])`)
    ).map((r) => [r.address, { reason: r.reason, at: r.refusedAt }]),
  );
  const otherIds = [...new Set(links.flatMap((l) => [l.parentId, l.childId]))];
  const names = new Map(
    otherIds.length
      ? (await deps.db.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} IN (${sql.join(otherIds.map((id) => sql`${id}`), sql`, `)})`)).map((u) => [u.id, u.name])
      : [],
  );
  const now = deps.clock.now().getTime();
  return {
    total,
    page,
    pageSize,
    rows: people.map((p) => {
      const inv = p.passwordSetAt ? undefined : invitations.find((i) => i.userId === p.id);
      return {
        ...toPersonView(p),
        invitation: inv ? { expiresAt: inv.expiresAt, state: inv.revokedAt ? 'revoked' : inv.expiresAt.getTime() <= now ? 'expired' : 'pending' } : null,
        linked: links
          .filter((l) => l.parentId === p.id || l.childId === p.id)
          .map((l) => (l.parentId === p.id ? l.childId : l.parentId))
          .map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
        mailRefused: refused.get(p.email) ?? null,
      };
    }),
  };
}
