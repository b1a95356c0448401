/** What intake answers for one webhook: stored once, flagged or applied. */
import 'server-only';
import type { WebhookFlag } from '@/server/db/schema';

export type IngestOutcome = {
  duplicate: boolean;
  flag: WebhookFlag | null;
  /** Why a `cannot_apply` event could not apply. */
  problem?: string;
  /** Set when this event's join made the session ongoing: the moment a recording may start by itself. */
  startedSessionId?: number;
};
