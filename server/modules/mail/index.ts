/**
 * Mail: a durable queue in PostgreSQL (graphile-worker) in front of SMTP
 * (nodemailer; Mailpit locally). Issue 16 "Email".
 *
 * - enqueueMail(deps, tx, { to, template, params, ... }) inside the caller's
 *   transaction: rendered now in the recipient's language (RTL in Arabic,
 *   with a plain-text part, links under APP_URL), sent later by a worker.
 *   Never waits for SMTP.
 * - defineMailTemplate(name, (m, params) => body): texts from the catalogues.
 * - Invariants: a mail is delivered at most once (row lock + status); an
 *   SMTP outage only delays it (retries with backoff); a permanently refused
 *   address is recorded and never tried again.
 */
import 'server-only';
export { checkMail } from './check-mail';
export { enqueueMail, enqueueMails, SEND_MAIL_TASK, type MailInput } from './enqueue-mail';
export { listRefusedAddresses, mailQueueSummary } from './queue-summary';
export { MAIL_STATUSES, type MailStatus } from './schemas';
export { sendQueuedMail, type SendOutcome } from './send-queued-mail';
export { classifySmtpFailure } from './smtp-failure';
export { defineMailTemplate, mailContext, renderMail, type MailBody, type MailContext, type MailRecipient, type MailTemplate, type RenderedMail } from './template';
export { drainMailQueue, startMailWorker, type MailWorkerDeps, type RunningMailWorker } from './worker';
