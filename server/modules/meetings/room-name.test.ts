import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roomNameFor, sessionIdFromRoomName } from './room-name';

describe('room names', () => {
  it('follows the spec example', () => {
    expect(roomNameFor('itqan-academy', 'quran', 42)).toBe('itqan-academy-quran-session-42');
    expect(roomNameFor('itqan-academy', 'interactive_course', 7)).toBe('itqan-academy-interactive-course-session-7');
    expect(roomNameFor('a1', 'academic', 1)).toBe('a1-academic-session-1');
  });

  it('refuses ids and slugs that would make ambiguous names', () => {
    expect(() => roomNameFor('itqan-academy', 'quran', 0)).toThrow(RangeError);
    expect(() => roomNameFor('itqan-academy', 'quran', 1.5)).toThrow(RangeError);
    expect(() => roomNameFor('Itqan Academy', 'quran', 1)).toThrow(RangeError);
  });

  it('parses the session id back for every kind and id', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/),
        fc.constantFrom('quran' as const, 'academic' as const, 'interactive_course' as const),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (slug, kind, id) => {
          expect(sessionIdFromRoomName(roomNameFor(slug, kind, id))).toBe(id);
        },
      ),
    );
    expect(sessionIdFromRoomName('random-room')).toBeNull();
  });
});
