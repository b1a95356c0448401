/** Deterministic room names (docs/rules.md#meetings): `{academy-slug}-{kind-slug}-session-{id}`. */
import 'server-only';
import type { SessionKind } from '@/server/db/schema/enums';

const KIND_SLUG: Record<SessionKind, string> = {
  quran: 'quran',
  academic: 'academic',
  interactive_course: 'interactive-course',
};

export function roomNameFor(academySlug: string, kind: SessionKind, sessionId: number): string {
  if (!Number.isSafeInteger(sessionId) || sessionId <= 0) throw new RangeError(`bad session id ${sessionId}`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(academySlug)) throw new RangeError(`bad academy slug ${academySlug}`);
  return `${academySlug}-${KIND_SLUG[kind]}-session-${sessionId}`;
}

/** The inverse, for webhooks: only the session id is trusted, the rest is checked against the DB. */
export function sessionIdFromRoomName(roomName: string): number | null {
  const match = /-session-(\d{1,15})$/.exec(roomName);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
