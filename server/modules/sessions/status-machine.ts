/**
 * The session status machine (docs/rules.md#session-statuses): which
 * transitions exist. transitionSession (./transition-session.ts) is the one
 * writer of `sessions.status`, and asks here first.
 */
import 'server-only';
import { DomainError } from '@/server/lib/domain-error';
import type { SessionStatus } from '@/server/db/schema/enums';
import { SESSION_STATUSES, TERMINAL_STATUSES } from '@/shared/session-status';

export { SESSION_STATUSES, TERMINAL_STATUSES };

const ALLOWED: Record<SessionStatus, readonly SessionStatus[]> = {
  // A room is created (ready), a manager cancels, or a sweep closes a session
  // that never got a room and so had no student (absent).
  scheduled: ['ready', 'cancelled', 'absent'],
  // Someone joined (ongoing); ended with attendance that the join webhook
  // missed (completed) or with none (absent); a manager cancels; a reschedule
  // deletes the room and returns it to the schedule.
  ready: ['ongoing', 'completed', 'absent', 'cancelled', 'scheduled'],
  ongoing: ['completed', 'absent'],
  completed: [],
  cancelled: [],
  absent: [],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('CONFLICT', `A ${from} session cannot become ${to}`);
  }
}

export function isTerminal(status: SessionStatus): boolean {
  return (TERMINAL_STATUSES as readonly SessionStatus[]).includes(status);
}

/**
 * The shortest chain of allowed transitions from one status to another,
 * without `from` (empty when they are equal; null when none leads there).
 * A session stranded in a status that cannot end directly (its room_finished
 * could not apply) is finalised along it by the reconcile sweep.
 */
export function transitionPath(from: SessionStatus, to: SessionStatus): SessionStatus[] | null {
  const previous = new Map<SessionStatus, SessionStatus>();
  const queue: SessionStatus[] = [from];
  while (queue.length > 0) {
    const status = queue.shift()!;
    if (status === to) {
      const path: SessionStatus[] = [];
      for (let s = to; s !== from; s = previous.get(s)!) path.unshift(s);
      return path;
    }
    for (const next of ALLOWED[status]) {
      if (next !== from && !previous.has(next)) {
        previous.set(next, status);
        queue.push(next);
      }
    }
  }
  return null;
}

/** The status a session ends in: absent when no student ever joined. */
export function endStatus(anyStudentJoined: boolean): 'completed' | 'absent' {
  return anyStudentJoined ? 'completed' : 'absent';
}
