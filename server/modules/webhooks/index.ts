/**
 * Webhook intake (docs/architecture.md#a-webhook): LiveKit's events stored
 * once and dispatched to the domain that owns each type. The HTTP side
 * (signature, size, status codes) is server/http/livekit-webhook.ts.
 */
import 'server-only';
export { ingestWebhookEvent } from './ingest-webhook-event';
export type { IngestOutcome } from './ingest-outcome';
