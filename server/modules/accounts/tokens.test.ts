import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToken, linkFor, newToken, TOKEN_LIFETIME_MS, TOKEN_PATTERN, tokenState } from './tokens';

describe('account tokens', () => {
  it('are 43 base64url characters, never repeat, and are stored as their SHA-256 only', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { token, hash } = newToken();
      expect(token).toMatch(TOKEN_PATTERN);
      expect(hash).toBe(hashToken(token));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toContain(token);
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });

  it('a link is valid until it expires, and says used or revoked whatever the time', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const expiresAt = new Date(created.getTime() + TOKEN_LIFETIME_MS.invitation);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * 3600_000 }), fc.boolean(), fc.boolean(), (offset, used, revoked) => {
        const now = new Date(created.getTime() + offset);
        const state = tokenState({ expiresAt, usedAt: used ? created : null, revokedAt: revoked ? created : null }, now);
        if (used) expect(state).toBe('used');
        else if (revoked) expect(state).toBe('revoked');
        else expect(state).toBe(offset < TOKEN_LIFETIME_MS.invitation ? 'valid' : 'expired');
      }),
    );
  });

  it('an invitation lives 7 days, a reset 2 hours; links go to their pages', () => {
    expect(TOKEN_LIFETIME_MS.invitation).toBe(7 * 86_400_000);
    expect(TOKEN_LIFETIME_MS.password_reset).toBe(2 * 3600_000);
    expect(linkFor('https://h.example', 'invitation', 'abc')).toBe('https://h.example/invite/abc');
    expect(linkFor('https://h.example', 'password_reset', 'abc')).toBe('https://h.example/reset-password/abc');
  });
});
