/**
 * Why a webhook could not be applied, and whether asking again could help.
 * LiveKit retries a webhook we answer 5xx (a few times, then drops it), so
 * only a failure that may pass by itself — the database unreachable, busy or
 * shutting down, a lock or a statement timing out, a deadlock — is answered
 * 503. Anything else (a refused status transition, a constraint the event's
 * effect breaks, a bug) would fail the same way on every retry: the event is
 * stored with the `cannot_apply` flag and its reason, answered 200, logged,
 * listed for admins, and its session finalised by the reconcile sweep.
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

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error and its causes (Drizzle wraps the driver's error in `cause`). */
function chainOf(error: unknown): unknown[] {
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

const MAX_REASON = 500;

/** One line for the admins' list: the deepest cause's message, with its SQLSTATE and constraint when it has them. */
export function failureReason(error: unknown): string {
  const chain = chainOf(error);
  const deepest = chain[chain.length - 1];
  const message = deepest instanceof Error ? deepest.message : String(deepest);
  const code = codeOf(deepest);
  const constraint = (deepest as { constraint_name?: unknown } | null)?.constraint_name;
  const detail = [code && /^[0-9A-Z]{5}$/.test(code) ? `SQLSTATE ${code}` : null, typeof constraint === 'string' ? constraint : null].filter(Boolean).join(', ');
  const reason = detail ? `${message} (${detail})` : message;
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason || 'unknown error';
}
