import 'server-only';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';

export type { WebhookEvent };

export type ReceiveResult =
  | { ok: true; event: WebhookEvent }
  | { ok: false; reason: 'unauthorized' | 'malformed'; message: string };

/**
 * Verifies LiveKit's webhook signature (JWT with the body's SHA-256, issued
 * by our API key) with the SDK's receiver, then parses the body. The receiver
 * checks the signature before it parses, so a parse failure means the
 * signature was good and the body is bad (400), anything else is 401.
 */
export function createWebhookVerifier(apiKey: string, apiSecret: string) {
  const receiver = new WebhookReceiver(apiKey, apiSecret);
  return async function receive(rawBody: string, authHeader: string | null): Promise<ReceiveResult> {
    if (!authHeader) return { ok: false, reason: 'unauthorized', message: 'missing Authorization header' };
    try {
      const event = await receiver.receive(rawBody, authHeader);
      if (!event.id || !event.event) return { ok: false, reason: 'malformed', message: 'event without id or type' };
      return { ok: true, event };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Only the two parse steps (JSON.parse, protobuf fromJson) mean "malformed";
      // every JWT failure (signature, expiry, issuer = our API key) is unauthorized.
      const malformed = error instanceof SyntaxError || /^cannot decode/.test(message);
      return { ok: false, reason: malformed ? 'malformed' : 'unauthorized', message };
    }
  };
}
