/**
 * A tiny HTTP server that feeds LiveKit's real webhooks to the same handler
 * as POST /api/livekit/webhook, for integration tests that run without Next.
 */
import http from 'node:http';
import type { Deps } from '@/server/deps';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';

export async function startWebhookSink(port: number, deps: Pick<Deps, 'db' | 'clock' | 'livekitWebhook' | 'livekit'>): Promise<{ url: string; close(): Promise<void> }> {
  let closing = false;
  const inFlight = new Set<Promise<unknown>>();
  const server = http.createServer(async (req, res) => {
    // LiveKit sends room_finished for every room as it shuts down: once we
    // close, answer 503 without touching a database that is going away.
    if (closing) {
      res.writeHead(503).end();
      return;
    }
    let done!: () => void;
    const tracked = new Promise<void>((resolve) => (done = resolve));
    inFlight.add(tracked);
    try {
      await handle(req, res);
    } finally {
      inFlight.delete(tracked);
      done();
    }
  });
  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
    const response = await handleLivekitWebhook(
      new Request(`http://127.0.0.1:${port}${req.url ?? '/'}`, { method: 'POST', headers, body: Buffer.concat(chunks) }),
      deps,
    );
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/api/livekit/webhook`,
    close: async () => {
      closing = true;
      await Promise.all(inFlight);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
