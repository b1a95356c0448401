import { describe, expect, it } from 'vitest';
import { signWebhook, webhookJson } from '@/server/testing/signed-webhook';
import { createWebhookVerifier } from './webhook-receiver';

const KEY = 'unit-key';
const SECRET = 'unit-secret-0123456789abcdefghij';
const receive = createWebhookVerifier(KEY, SECRET);
const body = webhookJson({ id: 'EV_unit', event: 'room_started', createdAt: 1_700_000_000, room: { name: 'a-quran-session-1' } });

describe('webhook signature verification', () => {
  it('accepts a body signed with our key and parses camelCase protobuf JSON', async () => {
    const result = await receive(body, await signWebhook(body, KEY, SECRET));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.event.id).toBe('EV_unit');
      expect(result.event.room?.name).toBe('a-quran-session-1');
      expect(Number(result.event.createdAt)).toBe(1_700_000_000);
    }
  });

  it.each([
    ['a missing header', async () => null],
    ['a token signed with another secret', async () => signWebhook(body, KEY, 'another-secret-0123456789abcdef')],
    ['a token issued by another key', async () => signWebhook(body, 'other-key', SECRET)],
    ['a token for another body', async () => signWebhook(body.replace('room_started', 'room_finished'), KEY, SECRET)],
    ['a token behind "Bearer "', async () => `Bearer ${await signWebhook(body, KEY, SECRET)}`],
    ['garbage', async () => 'not.a.jwt'],
  ])('rejects %s as unauthorized', async (_name, header) => {
    const result = await receive(body, await header());
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
  });

  it('calls a well-signed but unparsable body malformed, not unauthorized', async () => {
    for (const raw of ['{oops', '"just a string"', JSON.stringify({ event: 'room_started' })]) {
      const result = await receive(raw, await signWebhook(raw, KEY, SECRET));
      expect(result).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});
