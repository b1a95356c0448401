/**
 * A per-stream inbox between the LISTEN callback and the event generator.
 * Attendance signals coalesce: the page refetches once however many
 * webhooks arrived in between. Bounded, so a stalled reader cannot grow it.
 */
import 'server-only';
import type { RoomSignal } from '@/server/db/notify';

const MAX_QUEUED = 500;

export class SignalQueue {
  private items: RoomSignal[] = [];
  private waiter: ((s: RoomSignal | null) => void) | null = null;
  overflowed = false;

  get size(): number {
    return this.items.length;
  }

  push(signal: RoomSignal): void {
    if (this.waiter) {
      const wake = this.waiter;
      this.waiter = null;
      wake(signal);
      return;
    }
    if (signal.kind === 'attendance' && this.items.some((i) => i.kind === 'attendance')) return;
    if (this.items.length >= MAX_QUEUED) {
      // Too far behind to replay one by one: a fresh snapshot says it all.
      this.overflowed = true;
      this.items = [{ sessionId: signal.sessionId, kind: 'state', id: 'overflow' }];
      return;
    }
    this.items.push(signal);
  }

  /** The next signal, or null once `signal` aborts. */
  next(abort?: AbortSignal): Promise<RoomSignal | null> {
    const queued = this.items.shift();
    if (queued) return Promise.resolve(queued);
    if (abort?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const onAbort = () => {
        this.waiter = null;
        resolve(null);
      };
      abort?.addEventListener('abort', onAbort, { once: true });
      this.waiter = (s) => {
        abort?.removeEventListener('abort', onAbort);
        resolve(s);
      };
    });
  }
}
