import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/lib/domain-error';
import type { SessionStatus } from '@/server/db/schema/enums';
import { assertTransition, canTransition, endStatus, isTerminal, SESSION_STATUSES } from './status-machine';

// The whole table, written out so a change to the machine must change this test.
const LEGAL = new Set([
  'scheduled>ready',
  'scheduled>cancelled',
  'scheduled>absent',
  'ready>ongoing',
  'ready>completed',
  'ready>absent',
  'ready>cancelled',
  'ready>scheduled',
  'ongoing>completed',
  'ongoing>absent',
]);

describe('session status machine', () => {
  const pairs = SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => [from, to] as [SessionStatus, SessionStatus]));

  it('covers every pair of the six states', () => {
    expect(pairs).toHaveLength(36);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const legal = LEGAL.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(legal);
    if (legal) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      const error = (() => {
        try {
          assertTransition(from, to);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CONFLICT');
    }
  });

  it('knows the terminal states and the end status', () => {
    expect(SESSION_STATUSES.filter(isTerminal)).toEqual(['completed', 'cancelled', 'absent']);
    expect(endStatus(true)).toBe('completed');
    expect(endStatus(false)).toBe('absent');
  });
});
