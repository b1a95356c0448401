/**
 * Account tokens in the database: issuing one (older live links of the same
 * purpose are revoked, so only the newest link works), reading one for its
 * page, and redeeming one under a row lock so two tabs cannot both use it.
 * A token also stops working when its person or academy is deactivated, or
 * the person moved to another academy ("wrong academy").
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academies, accountTokens, users, type AccountTokenPurpose } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import { hashToken, newToken, TOKEN_LIFETIME_MS, TOKEN_PATTERN, tokenState, type TokenState } from './tokens';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export async function issueAccountToken(
  db: DbExecutor,
  input: { userId: number; academyId: number | null; purpose: AccountTokenPurpose; createdBy: number | null; now: Date },
): Promise<IssuedToken> {
  await revokeAccountTokens(db, { userId: input.userId, purpose: input.purpose, now: input.now });
  const { token, hash } = newToken();
  const expiresAt = new Date(input.now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);
  await db.insert(accountTokens).values({
    tokenHash: hash,
    purpose: input.purpose,
    userId: input.userId,
    academyId: input.academyId,
    createdBy: input.createdBy,
    createdAt: input.now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Revokes the person's live links (of one purpose, or all). Returns how many. */
export async function revokeAccountTokens(db: DbExecutor, input: { userId: number; purpose?: AccountTokenPurpose; now: Date }): Promise<number> {
  const rows = await db
    .update(accountTokens)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(accountTokens.userId, input.userId),
        input.purpose ? eq(accountTokens.purpose, input.purpose) : undefined,
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    )
    .returning({ id: accountTokens.id });
  return rows.length;
}

/** What a link's page may show: its state, and for a good link whom it is for. */
export type TokenView =
  | { state: 'valid'; purpose: AccountTokenPurpose; name: string; email: string; academy: { nameAr: string; nameEn: string } | null; expiresAt: Date }
  | { state: Exclude<TokenState, 'valid'> | 'unknown'; purpose: AccountTokenPurpose | null };

async function loadToken(db: DbExecutor, token: string, options: { lock: boolean }) {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const query = db
    .select({ token: accountTokens, user: users, academy: academies })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(accountTokens.tokenHash, hashToken(token)));
  const [row] = options.lock ? await query.for('update', { of: accountTokens }) : await query;
  return row;
}

/** A link whose person can no longer use it is as good as revoked. */
function stateOf(row: NonNullable<Awaited<ReturnType<typeof loadToken>>>, now: Date): TokenState {
  const state = tokenState(row.token, now);
  if (state !== 'valid') return state;
  const usable = row.user.active && !row.user.anonymisedAt && row.academy?.active !== false && row.token.academyId === row.user.academyId;
  return usable ? 'valid' : 'revoked';
}

export async function viewAccountToken(db: DbExecutor, token: string, now: Date): Promise<TokenView> {
  const row = await loadToken(db, token, { lock: false });
  if (!row) return { state: 'unknown', purpose: null };
  const state = stateOf(row, now);
  if (state !== 'valid') return { state, purpose: row.token.purpose };
  return {
    state,
    purpose: row.token.purpose,
    name: row.user.name,
    email: row.user.email,
    academy: row.academy ? { nameAr: row.academy.nameAr, nameEn: row.academy.nameEn } : null,
    expiresAt: row.token.expiresAt,
  };
}

function refusal(state: Exclude<TokenState, 'valid'> | 'unknown'): DomainError {
  switch (state) {
    case 'unknown':
      return new DomainError('NOT_FOUND', 'This link is not valid');
    case 'revoked':
      return new DomainError('NOT_FOUND', 'This link is no longer valid');
    case 'expired':
      return new DomainError('PRECONDITION_FAILED', 'This link has expired');
    case 'used':
      return new DomainError('CONFLICT', 'This link was already used');
  }
}

/** Inside the caller's transaction: the token's row locked, checked for `purpose`, and marked used. */
export async function redeemAccountToken(tx: DbExecutor, input: { token: string; purpose: AccountTokenPurpose; now: Date }) {
  const row = await loadToken(tx, input.token, { lock: true });
  if (!row || row.token.purpose !== input.purpose) throw refusal('unknown');
  const state = stateOf(row, input.now);
  if (state !== 'valid') throw refusal(state);
  await tx.update(accountTokens).set({ usedAt: input.now }).where(eq(accountTokens.id, row.token.id));
  return { user: row.user, academy: row.academy };
}
