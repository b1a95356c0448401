/**
 * The session status machine (SPEC 3). Every status change goes through
 * `assertTransition`; callers then update with `WHERE status = from` so two
 * concurrent writers cannot both apply a transition.
 */
import { DomainError } from '@/server/lib/domain-error';
import type { SessionStatus } from '@/server/db/schema/enums';

export const SESSION_STATUSES: readonly SessionStatus[] = [
  'scheduled',
  'ready',
  'ongoing',
  'completed',
  'cancelled',
  'absent',
];

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

export const TERMINAL_STATUSES: readonly SessionStatus[] = ['completed', 'cancelled', 'absent'];

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('CONFLICT', `A ${from} session cannot become ${to}`);
  }
}

export function isTerminal(status: SessionStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The status a session ends in: absent when no student ever joined. */
export function endStatus(anyStudentJoined: boolean): 'completed' | 'absent' {
  return anyStudentJoined ? 'completed' : 'absent';
}
