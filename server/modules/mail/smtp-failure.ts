/**
 * Whether an SMTP failure is worth retrying. Only the server's permanent
 * refusal of the recipient (a 5xx reply to RCPT TO, nodemailer's EENVELOPE)
 * marks the address bad; everything else (connection refused, timeouts, 4xx,
 * a rejected login) is the server's or the configuration's trouble and is
 * retried with backoff, so an outage delays mail and loses none.
 */
import 'server-only';
export type SmtpFailure = 'refused-recipient' | 'transient';

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : NaN;
  return e.code === 'EENVELOPE' && code >= 500 && code < 600 ? 'refused-recipient' : 'transient';
}

/** A short, single-line description for last_error and the logs. */
export function describeSmtpFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 500);
}
