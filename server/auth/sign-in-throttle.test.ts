import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import { needsRehash, DUMMY_HASH } from '@/server/lib/password';
import { ACCOUNT_RULE, ADDRESS_RULE, signInKeys, waitAfterFailure } from './sign-in-throttle';

describe('waitAfterFailure', () => {
  it('waits nothing within the budget, then 1, 2, 4 … minutes, never more than an hour', () => {
    expect([1, 4, 5, 6, 7, 8].map((n) => waitAfterFailure(n, ACCOUNT_RULE))).toEqual([0, 0, 60, 120, 240, 480]);
    expect(waitAfterFailure(49, ADDRESS_RULE)).toBe(0);
    expect(waitAfterFailure(50, ADDRESS_RULE)).toBe(60);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        const wait = waitAfterFailure(n, ACCOUNT_RULE);
        expect(wait).toBeLessThanOrEqual(3600);
        expect(wait).toBeGreaterThanOrEqual(waitAfterFailure(n - 1, ACCOUNT_RULE));
      }),
    );
  });

  it('keys an account by its normalised email, whether or not it exists', () => {
    expect(signInKeys('  Teacher@Itqan.TEST ', '10.0.0.1')).toEqual({ account: 'account:teacher@itqan.test', address: 'address:10.0.0.1' });
  });
});

describe('clientAddress', () => {
  it('takes the entry the nearest proxy appended, not what the client wrote', () => {
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4, 10.0.0.9' })).toBe('10.0.0.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
    expect(clientAddress({})).toBeNull();
  });
});

describe('password hashes', () => {
  it('the dummy hash costs what a real one costs (Argon2id, today’s parameters)', () => {
    expect(DUMMY_HASH.startsWith('$argon2id$')).toBe(true);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuu1234567890123456789012345678901')).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$abc$def')).toBe(true);
  });
});
