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
import { chainOf, codeOf } from '@/server/db/transient-failure';

export { isTransientFailure } from '@/server/db/transient-failure';

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
