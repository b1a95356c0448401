import 'server-only';
import { TRPCError } from '@trpc/server';
import { DomainError } from '@/server/lib/domain-error';
import { isTransientFailure } from '@/server/db/transient-failure';
import { LivekitUnavailableError } from '@/server/livekit/gateway';

export const DATABASE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable, try again shortly';

/** The one place a DomainError (or a passing outage) becomes a tRPC error; unknown errors stay 500s. */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return null;
  if (error instanceof DomainError) {
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  }
  if (error instanceof LivekitUnavailableError) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The video server is unavailable, try again shortly', cause: error });
  }
  // The database down, restarting or overloaded: a 503 the client retries, never a 500 carrying SQL.
  if (isTransientFailure(error)) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
  }
  return null;
}
