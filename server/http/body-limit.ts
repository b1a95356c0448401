/**
 * Request bodies are limited while they are read: a declared Content-Length
 * over the limit is refused before reading, and a body without one (chunked)
 * is counted as it streams and refused, its stream cancelled, as soon as it
 * passes the limit, so no route ever holds more than `maxBytes` of a body.
 * Every route handler is wrapped (`withBodyLimit`); the handler then gets
 * the request with its body already in memory, within the limit.
 */
export const BODY_LIMITS = {
  /** tRPC inputs are small JSON (the largest, a weekly schedule, is a few kB). */
  trpc: 100_000,
  /** people.importPreview alone: a roster file of up to 2,000,000 characters, Arabic ones two bytes each in UTF-8. */
  rosterImport: 4_500_000,
  /** whiteboard.draw and whiteboard.saveImage alone: a scene update of up to 600,000 characters or an image of up to 900,000, Arabic text two bytes each. */
  whiteboard: 2_000_000,
  /** next-auth's forms: email, password, CSRF token, callback URL. */
  auth: 16_000,
  /** LiveKit webhook events (a room_finished with many participants stays far below). */
  webhook: 1_000_000,
  /** Routes that take no body worth the name (locale, cron, health, export, benches). */
  small: 4_096,
} as const;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body's bytes, or BodyTooLargeError as soon as more than `maxBytes` arrived (the rest is never read). */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await req.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(maxBytes);
  }
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function tooLarge(limit: number): Response {
  return Response.json({ error: `The request body is larger than ${limit} bytes` }, { status: 413, headers: { connection: 'close', 'cache-control': 'no-store' } });
}

type Handler<C extends unknown[]> = (req: Request, ...rest: C) => Response | Promise<Response>;

/** Wraps a route handler: its request arrives with the body read within `maxBytes`, or the client gets 413. */
export function withBodyLimit<C extends unknown[]>(maxBytes: number, handler: Handler<C>): Handler<C> {
  return async (req, ...rest) => {
    if (!req.body && req.headers.get('content-length') === null) return handler(req, ...rest);
    let body: Uint8Array | null;
    try {
      body = await readBodyLimited(req, maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLarge(maxBytes);
      throw error;
    }
    // The same class (Next's NextRequest in the app), so handlers see what they would have seen.
    const Same = req.constructor as typeof Request;
    const headers = new Headers(req.headers);
    headers.delete('transfer-encoding');
    if (body) headers.set('content-length', String(body.byteLength));
    return handler(new Same(req.url, { method: req.method, headers, body: body as BodyInit | null, signal: req.signal }), ...rest);
  };
}
