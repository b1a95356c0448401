/**
 * The one error type modules throw. The transport maps `code` to a tRPC
 * error (server/trpc/error-map.ts) or an HTTP status (httpStatusFor).
 */
import 'server-only';
export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

/**
 * Refusals whose cause is the installation, not the person: the message is
 * written for whoever reads it (the client words it in their language by
 * this key), and the technical detail goes to the log and to super admins.
 */
export type RefusalReason = 'video-unavailable' | 'recording-storage' | 'recording-service' | 'recording-refused' | 'recording-turned-off' | 'recording-no-room' | 'recording-not-running';

export class DomainError extends Error {
  /** For TOO_MANY_REQUESTS: when to ask again (the HTTP answer's Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  readonly reason: RefusalReason | undefined;
  /** Technical detail (variables, LiveKit's words): logged, and shown to super admins only. */
  readonly detail: string | undefined;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number; reason?: RefusalReason; detail?: string },
  ) {
    super(message, options);
    this.name = 'DomainError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.reason = options?.reason;
    this.detail = options?.detail;
  }
}

/** The refusal of anything that needs LiveKit when the installation has none. */
export function videoUnavailableError(why: string | null, code: 'SERVICE_UNAVAILABLE' | 'PRECONDITION_FAILED' = 'SERVICE_UNAVAILABLE'): DomainError {
  return new DomainError(code, 'Video is not available right now. Please try again later.', {
    reason: 'video-unavailable',
    detail: `Video is unavailable: ${why ?? 'not configured'}`,
  });
}

/** Retry-After for a refusal that carries one, else nothing. */
export function retryAfterHeader(error: unknown): Record<string, string> {
  const seconds = error instanceof DomainError ? error.retryAfterSeconds : undefined;
  return seconds === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(seconds))) };
}

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function httpStatusFor(code: DomainErrorCode): number {
  return HTTP_STATUS[code];
}
