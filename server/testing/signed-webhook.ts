/**
 * Builds webhook requests signed the way livekit-server signs them: a JWT
 * issued by the API key whose `sha256` claim is the base64 SHA-256 of the body.
 */
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export interface WebhookBody {
  id: string;
  event: string;
  createdAt: number;
  room?: { name: string; sid?: string };
  participant?: { sid: string; identity: string; name?: string; joinedAt?: number; joinedAtMs?: number; permission?: { hidden?: boolean } };
}

export function webhookJson(body: WebhookBody): string {
  return JSON.stringify({
    ...body,
    createdAt: String(body.createdAt),
    ...(body.participant
      ? {
          participant: {
            ...body.participant,
            ...(body.participant.joinedAt !== undefined ? { joinedAt: String(body.participant.joinedAt) } : {}),
            ...(body.participant.joinedAtMs !== undefined ? { joinedAtMs: String(body.participant.joinedAtMs) } : {}),
          },
        }
      : {}),
  });
}

export async function signWebhook(rawBody: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(rawBody).digest('base64');
  return token.toJwt();
}

export async function webhookRequest(rawBody: string, authorization: string | null): Promise<Request> {
  const headers = new Headers({ 'content-type': 'application/webhook+json' });
  if (authorization !== null) headers.set('authorization', authorization);
  return new Request('http://127.0.0.1/api/livekit/webhook', { method: 'POST', headers, body: rawBody });
}
