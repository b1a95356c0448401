import 'server-only';
import { TRPCError } from '@trpc/server';
import { DomainError } from '@/server/lib/domain-error';
import { LivekitUnavailableError } from '@/server/livekit/gateway';

/** The one place a DomainError becomes a tRPC error; unknown errors stay 500s. */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return null;
  if (error instanceof DomainError) {
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  }
  if (error instanceof LivekitUnavailableError) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The video server is unavailable, try again shortly', cause: error });
  }
  return null;
}
