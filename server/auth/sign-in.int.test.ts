/**
 * Sign-in against the real database: failures throttled per account and per
 * address (counters in Postgres, so another instance sees them), the same
 * answer for an unknown email as for a wrong password, Argon2id hashes with
 * bcrypt ones replaced at the next sign-in.
 */
import bcrypt from 'bcryptjs';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import { academies, signInFailures, users } from '@/server/db/schema';
import { createAcademy, createUser } from '@/server/seed/factories';
import { closeTestDb, integrationConfig, testDb } from '@/server/testing/integration';
import { authenticate } from './authenticate';
import { ACCOUNT_RULE, ADDRESS_RULE } from './sign-in-throttle';

const db = testDb();
let otherInstance: DbHandle;
let academyId: number;
const PASSWORD = 'كلمة-سر-طويلة-جداً-للاختبار';

beforeAll(async () => {
  otherInstance = createDb(integrationConfig().databaseUrl, { max: 2 });
  academyId = (await createAcademy(db)).id;
});

afterAll(async () => {
  await otherInstance.close();
  await closeTestDb();
});

let n = 0;
/** Each test its own address, so their counters never meet. */
const address = () => `192.0.2.${++n}`;
const at = (minutes: number) => new Date(Date.UTC(2031, 0, 1, 12, 0) + minutes * 60_000);

async function user(password = PASSWORD) {
  return createUser(db, { academyId, role: 'teacher', password });
}

describe('throttling', () => {
  it(`locks an account after ${ACCOUNT_RULE.failures} failures, for every instance and even for the right password, with a wait that grows`, async () => {
    const u = await user();
    const from = address();
    for (let i = 0; i < ACCOUNT_RULE.failures; i++) {
      expect(await authenticate(db, { email: u.email, password: 'wrong' }, { address: from, now: at(i) })).toEqual({ ok: false, reason: 'invalid' });
    }
    // Another instance (its own pool), another address, the right password: still refused, with the wait.
    const locked = await authenticate(otherInstance.db, { email: u.email, password: PASSWORD }, { address: address(), now: at(4) });
    expect(locked).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });
    // After the wait, one more failure doubles it.
    expect(await authenticate(db, { email: u.email, password: 'wrong' }, { address: from, now: at(9) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db, { email: u.email, password: PASSWORD }, { address: from, now: at(9) })).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 120 });
    // Once the wait is over the right password works and clears the account's count.
    expect(await authenticate(db, { email: u.email, password: PASSWORD }, { address: from, now: at(12) })).toMatchObject({ ok: true });
    expect(await db.select().from(signInFailures).where(eq(signInFailures.key, `account:${u.email}`))).toEqual([]);
  });

  it('throttles an email that has no account exactly like one that has', async () => {
    const u = await user();
    const ghost = `nobody-${u.id}@example.test`;
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i <= ACCOUNT_RULE.failures; i++) out.push(await authenticate(db, { email, password: 'wrong' }, { address: address(), now: at(100 + i) }));
      return out;
    };
    expect(await answers(ghost)).toEqual(await answers(u.email));
  });

  it(`gives an address ${ADDRESS_RULE.failures} failures across accounts, then refuses it while other addresses go on`, async () => {
    const from = address();
    for (let i = 0; i < ADDRESS_RULE.failures; i++) {
      expect(await authenticate(db, { email: `spray-${i}@example.test`, password: 'wrong' }, { address: from, now: at(200) })).toEqual({ ok: false, reason: 'invalid' });
    }
    const u = await user();
    expect(await authenticate(db, { email: u.email, password: PASSWORD }, { address: from, now: at(200) })).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });
    expect(await authenticate(db, { email: u.email, password: PASSWORD }, { address: address(), now: at(200) })).toMatchObject({ ok: true });
    await db.delete(signInFailures).where(like(signInFailures.key, 'account:spray-%'));
  });

  it('starts afresh after a quiet quarter of an hour', async () => {
    const u = await user();
    const from = address();
    for (let i = 0; i < ACCOUNT_RULE.failures - 1; i++) await authenticate(db, { email: u.email, password: 'wrong' }, { address: from, now: at(300) });
    // Fifteen minutes later the fifth failure is the first of a new window: no lock.
    await authenticate(db, { email: u.email, password: 'wrong' }, { address: from, now: at(316) });
    expect(await authenticate(db, { email: u.email, password: PASSWORD }, { address: from, now: at(316) })).toMatchObject({ ok: true });
  });
});

describe('the same answer for every refusal', () => {
  it('unknown email, wrong password, deactivated user, deactivated academy: all "invalid"', async () => {
    const u = await user();
    const inactive = await user();
    await db.update(users).set({ active: false }).where(eq(users.id, inactive.id));
    const closed = await createAcademy(db);
    const inClosed = await createUser(db, { academyId: closed.id, role: 'student', password: PASSWORD });
    await db.update(academies).set({ active: false }).where(eq(academies.id, closed.id));
    const cases = [
      { email: `unknown-${u.id}@example.test`, password: PASSWORD },
      { email: u.email, password: 'wrong' },
      { email: inactive.email, password: PASSWORD },
      { email: inClosed.email, password: PASSWORD },
    ];
    for (const c of cases) expect(await authenticate(db, c, { address: address(), now: at(400) })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('password hashes', () => {
  it('hashes with Argon2id and takes passwords past bcrypt’s 72 bytes whole', async () => {
    const long = 'ك'.repeat(40); // 80 bytes: bcrypt would ignore the last 8
    const u = await user(long);
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await authenticate(db, { email: u.email, password: 'ك'.repeat(36) + 'ل'.repeat(4) }, { address: address(), now: at(500) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db, { email: u.email, password: long }, { address: address(), now: at(500) })).toMatchObject({ ok: true });
  });

  it('re-hashes a bcrypt hash with Argon2id at the next successful sign-in, and only then', async () => {
    const u = await user();
    const old = await bcrypt.hash(PASSWORD, 4);
    await db.update(users).set({ passwordHash: old }).where(eq(users.id, u.id));
    const hashOf = async () => (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, u.id)))[0]!.h;
    await authenticate(db, { email: u.email, password: 'wrong' }, { address: address(), now: at(600) });
    expect(await hashOf()).toBe(old);
    const signedIn = await authenticate(db, { email: u.email, password: PASSWORD }, { address: address(), now: at(600) });
    expect(signedIn).toMatchObject({ ok: true, sessionVersion: 0 });
    expect(await hashOf()).toMatch(/^\$argon2id\$/);
    expect(await authenticate(db, { email: u.email, password: PASSWORD }, { address: address(), now: at(600) })).toMatchObject({ ok: true, sessionVersion: 0 });
  });
});
