/**
 * Whether a database error may pass by itself — the server unreachable,
 * busy or shutting down, a lock or a statement timing out, a deadlock — so
 * that asking again later could succeed. The webhook route answers 503 then
 * (LiveKit retries), and a tRPC call answers SERVICE_UNAVAILABLE ("try again
 * shortly") instead of a 500 (server/trpc/error-map.ts).
 */
import 'server-only';

/** SQLSTATE classes and codes a retry may get past (PostgreSQL, Appendix A). */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '40', '53', '57', '58'];
const TRANSIENT_SQLSTATES = new Set(['55P03', '55006']);
/** postgres.js and Node's socket errors: no answer from the database at all. */
const TRANSIENT_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error and its causes (Drizzle wraps the driver's error in `cause`). */
export function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

export function isTransientFailure(error: unknown): boolean {
  return chainOf(error).some((e) => {
    const code = codeOf(e);
    if (!code) return false;
    if (TRANSIENT_CONNECTION_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
    return /^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2));
  });
}
