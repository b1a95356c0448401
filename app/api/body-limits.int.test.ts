/**
 * Every route handler refuses an oversize body as it streams: 413, the rest
 * never read (server/http/body-limit.ts). Runs each route module as Next
 * would call it, with a body that never ends.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_LIMITS } from '@/server/http/body-limit';

/** A body that never ends, counting what was read of it. */
function endlessBody() {
  const chunk = new Uint8Array(16_384).fill(120);
  const seen = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function routeModules(dir = 'app/api'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return routeModules(file);
    return /^route(\.bench)?\.ts$/.test(name) ? [file] : [];
  });
}

describe('request bodies', () => {
  const modules = routeModules();

  it('finds every route handler', () => {
    // trpc, auth, livekit webhook, cron, export, locale, health, the two bench ceilings, the recitations
    // export, the calendar feed and the unsubscribe link.
    expect(modules.length).toBe(12);
  });

  it.each(modules)('%s: a chunked body past the limit gets 413, and the rest is never read', async (file) => {
    const mod = (await import(`@/${file}`)) as Record<string, unknown>;
    const handlers = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof mod[m] === 'function');
    expect(handlers.length).toBeGreaterThan(0);
    for (const method of handlers) {
      const { stream, seen } = endlessBody();
      const req = new Request('http://127.0.0.1:3000/api/x', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
      const res = (await (mod[method] as (r: Request, c: unknown) => Promise<Response>)(req, { params: Promise.resolve({ trpc: 'x', job: 'x', nextauth: ['x'] }) })) as Response;
      expect(res.status, `${method} ${file}`).toBe(413);
      expect(seen.cancelled).toBe(true);
      expect(seen.bytes).toBeLessThanOrEqual(BODY_LIMITS.webhook + 2 * 16_384);
    }
  });

  it('refuses a declared Content-Length past the limit before reading anything', async () => {
    const { POST } = await import('@/app/api/trpc/[trpc]/route');
    const { stream, seen } = endlessBody();
    const req = new Request('http://127.0.0.1:3000/api/trpc/meeting.leave', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': String(BODY_LIMITS.trpc + 1) },
      duplex: 'half',
    } as RequestInit);
    expect((await POST(req)).status).toBe(413);
    expect(seen.bytes).toBeLessThanOrEqual(16_384);
  });
});

