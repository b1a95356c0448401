import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOPICS } from './kinds';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

const secret = 'unit-secret-0123456789abcdef';

describe('unsubscribe tokens', () => {
  it('read back exactly the user and topic they were made for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), fc.constantFrom(...TOPICS), (userId, topic) => {
        expect(readUnsubscribeToken(secret, unsubscribeToken(secret, userId, topic))).toEqual({ userId, topic });
      }),
    );
  });

  it('refuse another secret, another user or topic under the same signature, and garbage', () => {
    const token = unsubscribeToken(secret, 42, 'reminder');
    const signature = token.split('.')[2];
    expect(readUnsubscribeToken('another-secret-0123456789', token)).toBeNull();
    expect(readUnsubscribeToken(secret, `43.reminder.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `42.digest.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `42.marketing.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, '')).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}x`)).toBeNull();
  });
});
