import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/lib/domain-error';
import type { SessionStatus } from '@/server/db/schema/enums';
import { assertTransition, canTransition, endStatus, isTerminal, SESSION_STATUSES, transitionPath } from './status-machine';

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

describe('transitionPath', () => {
  const pairs = SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => [from, to] as [SessionStatus, SessionStatus]));

  it('walks a session stranded before its end to it through allowed steps only', () => {
    expect(transitionPath('scheduled', 'completed')).toEqual(['ready', 'completed']);
    expect(transitionPath('scheduled', 'absent')).toEqual(['absent']);
    expect(transitionPath('ongoing', 'completed')).toEqual(['completed']);
    expect(transitionPath('completed', 'absent')).toBeNull();
    expect(transitionPath('ready', 'ready')).toEqual([]);
  });

  it.each(pairs)('%s → %s: every step allowed, none repeated, and a path whenever one exists', (from, to) => {
    const path = transitionPath(from, to);
    // What is reachable from `from` in one or more steps, found by brute force.
    const reachable = new Set<SessionStatus>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of [from, ...reachable]) {
        for (const b of SESSION_STATUSES) {
          if (canTransition(a, b) && !reachable.has(b)) {
            reachable.add(b);
            grew = true;
          }
        }
      }
    }
    expect(path !== null).toBe(from === to || reachable.has(to));
    if (path === null) return;
    const steps = [from, ...path];
    for (let i = 1; i < steps.length; i += 1) expect(canTransition(steps[i - 1]!, steps[i]!)).toBe(true);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.at(-1)).toBe(to);
    if (canTransition(from, to)) expect(path).toEqual([to]);
  });
});
