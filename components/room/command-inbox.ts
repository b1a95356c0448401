/**
 * Commands reach the page twice — on LiveKit's data channel and on the
 * event stream — and again when resent: the inbox lets each id through
 * once. It remembers the last `capacity` ids, far more than a class issues
 * between two deliveries of the same command.
 */
export class CommandInbox {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 500) {}

  /** True the first time an id is offered. */
  accept(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      // Sets iterate in insertion order: the first is the oldest.
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
