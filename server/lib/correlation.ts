/**
 * A correlation id per internal error: the client is told only "something
 * went wrong" and this id; the log line with the real cause carries the
 * same id. Kept per error object, so whichever of the formatter and the
 * logger sees the error first makes it.
 */
import { randomUUID } from 'node:crypto';

const ids = new WeakMap<object, string>();

export function correlationIdOf(error: object): string {
  let id = ids.get(error);
  if (!id) ids.set(error, (id = randomUUID()));
  return id;
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. If it happens again, quote this reference';
