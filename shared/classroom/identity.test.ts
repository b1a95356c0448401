import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantIdentity, slugifyName, userIdFromIdentity } from './identity';

describe('participant identity', () => {
  it('transliterates an Arabic name', () => {
    expect(participantIdentity(12, 'أحمد محمد')).toBe('12_ahmd-mhmd');
    expect(slugifyName('عبدُ الرَّحمن')).toBe('abd-alrhmn');
  });

  it('keeps Latin names readable and strips accents', () => {
    expect(slugifyName('  José  Ali ')).toBe('jose-ali');
  });

  it('falls back for empty, emoji-only and symbol-only names', () => {
    expect(participantIdentity(7, '')).toBe('7_user');
    expect(participantIdentity(7, '😀🎉')).toBe('7_user');
    expect(slugifyName('---')).toBe('user');
  });

  it('drops emoji inside a name', () => {
    expect(slugifyName('Sara 😀 Khan')).toBe('sara-khan');
  });

  it('caps very long names without a trailing dash', () => {
    const slug = slugifyName('محمد '.repeat(500));
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('is stable, ASCII and round-trips the user id for every name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (id, name) => {
        const identity = participantIdentity(id, name);
        expect(identity).toBe(participantIdentity(id, name));
        expect(identity).toMatch(/^\d+_[a-z0-9-]{1,40}$/);
        expect(userIdFromIdentity(identity)).toBe(id);
      }),
    );
  });

  it('rejects identities that do not start with a user id', () => {
    expect(userIdFromIdentity('guest')).toBeNull();
    expect(userIdFromIdentity('0_x')).toBeNull();
  });
});
