/**
 * Recording ready (the notify sweep): a recording completed in the last two
 * days, in an academy that shares recordings with students, is announced to
 * the session's students and their parents, once per recording and person.
 */
import 'server-only';
import { and, eq, gte, inArray } from 'drizzle-orm';
import { academyVideoSettings, recordings, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { loadAudiences } from './audience';
import type { PlannedNotice } from './deliver-notices';
import { NOTICE_WINDOW_HOURS } from './queue-attendance-notices';
import { settle, type ProducerCounts } from './queue-reminders';
import { recordingNotices } from './recipients';

export async function queueRecordingNotices(deps: Pick<Deps, 'db' | 'appUrl' | 'signingSecret'>, input: { now: Date; academyIds: number[]; dryRun: boolean }): Promise<Map<number, ProducerCounts>> {
  const counts = new Map<number, ProducerCounts>(input.academyIds.map((id) => [id, { notices: 0, emailed: 0 }]));
  if (input.academyIds.length === 0) return counts;
  const since = new Date(input.now.getTime() - NOTICE_WINDOW_HOURS * 3_600_000);
  const done = await deps.db
    .select({ id: recordings.id, sessionId: recordings.sessionId, academyId: recordings.academyId, title: sessions.title, startsAt: sessions.scheduledAt })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.sessionId))
    .innerJoin(academyVideoSettings, eq(academyVideoSettings.academyId, recordings.academyId))
    .where(
      and(
        inArray(recordings.academyId, input.academyIds),
        eq(recordings.status, 'complete'),
        eq(academyVideoSettings.studentsSeeRecordings, true),
        gte(recordings.updatedAt, since),
      ),
    );
  if (done.length === 0) return counts;
  const audiences = await loadAudiences(deps.db, [...new Set(done.map((r) => r.sessionId))]);
  const planned: PlannedNotice[] = [];
  for (const r of done) {
    const members = audiences.get(r.sessionId) ?? [];
    for (const notice of recordingNotices({ sessionId: r.sessionId, recordingId: r.id, members, shared: true })) {
      planned.push({
        notice,
        contact: members.find((m) => m.userId === notice.userId)!,
        academyId: r.academyId,
        sessionId: r.sessionId,
        params: { title: r.title, startsAt: r.startsAt.toISOString(), sessionId: r.sessionId },
      });
    }
  }
  await settle(deps, planned, input.dryRun, counts);
  return counts;
}
