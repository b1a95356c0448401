/**
 * What the recording layout page (app/recording-layout) shows, for the egress
 * that loads it (docs/rules.md#recording). The page is no public page: egress
 * opens it with the join token LiveKit's egress made for itself (signed with
 * our API key, grants `recorder` and `hidden`, identity = the egress id), and
 * only such a token for the room of an open meeting opens it. Anything else
 * is NOT_FOUND, so the page says nothing about which sessions exist.
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, meetings, sessions, users } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import { verifyEgressToken } from '@/server/livekit/egress';

export interface RecordingLayoutContext {
  roomName: string;
  egressId: string;
  sessionTitle: string;
  academyName: string;
  locale: 'ar' | 'en';
  timezone: string;
  teacherUserId: number;
  teacherName: string;
  /** The day shown in the "recorded on" line. */
  recordedOn: Date;
}

const notFound = () => new DomainError('NOT_FOUND', 'No recording layout here');

export async function getRecordingLayoutContext(deps: Pick<Deps, 'db' | 'livekitWebhook' | 'clock'>, token: string | undefined): Promise<RecordingLayoutContext> {
  const granted = deps.livekitWebhook ? await verifyEgressToken(deps.livekitWebhook, token) : null;
  if (!granted) throw notFound();
  const [row] = await deps.db
    .select({
      sessionTitle: sessions.title,
      nameAr: academies.nameAr,
      nameEn: academies.nameEn,
      locale: academies.defaultLocale,
      timezone: academies.timezone,
      teacherUserId: users.id,
      teacherName: users.name,
    })
    .from(meetings)
    .innerJoin(sessions, eq(sessions.id, meetings.sessionId))
    .innerJoin(academies, eq(academies.id, meetings.academyId))
    .innerJoin(users, eq(users.id, sessions.teacherId))
    .where(and(eq(meetings.roomName, granted.roomName), isNull(meetings.endedAt)));
  if (!row) throw notFound();
  return {
    roomName: granted.roomName,
    egressId: granted.egressId,
    sessionTitle: row.sessionTitle,
    academyName: row.locale === 'ar' ? row.nameAr : row.nameEn,
    locale: row.locale,
    timezone: row.timezone,
    teacherUserId: row.teacherUserId,
    teacherName: row.teacherName,
    recordedOn: deps.clock.now(),
  };
}
