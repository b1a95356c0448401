/**
 * The admins' daily digest (opt-in), from 07:00 academy time: yesterday's
 * classes, attendance rate, teacher no-shows, failed sweeps and webhook
 * problems; once per admin and day (the key holds the academy's date).
 */
import 'server-only';
import { TZDate } from '@date-fns/tz';
import { sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { loadAdmins } from './audience';
import type { PlannedNotice } from './deliver-notices';
import { TOPIC_OF } from './kinds';
import { wants } from './preferences';
import { settle, type ProducerCounts } from './queue-reminders';

export const DIGEST_HOUR = 7;

/** The academy's yesterday as [start, end) instants, when its local time is past the digest hour; else null. Pure. */
export function digestDay(now: Date, timeZone: string): { date: string; from: Date; to: Date } | null {
  const local = new TZDate(now.getTime(), timeZone);
  if (local.getHours() < DIGEST_HOUR) return null;
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone);
  const yesterday = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, timeZone);
  const date = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
  return { date, from: new Date(yesterday.getTime()), to: new Date(today.getTime()) };
}

export async function queueDailyDigests(deps: Pick<Deps, 'db' | 'appUrl' | 'signingSecret'>, input: { now: Date; academies: { id: number; timezone: string }[]; dryRun: boolean }): Promise<Map<number, ProducerCounts>> {
  const counts = new Map<number, ProducerCounts>(input.academies.map((a) => [a.id, { notices: 0, emailed: 0 }]));
  const due = input.academies.flatMap((a) => {
    const day = digestDay(input.now, a.timezone);
    return day ? [{ academy: a, day }] : [];
  });
  if (due.length === 0) return counts;
  const admins = await loadAdmins(deps.db, due.map((d) => d.academy.id));
  const planned: PlannedNotice[] = [];
  for (const { academy, day } of due) {
    const wanting = (admins.get(academy.id) ?? []).filter((a) => a.active && (wants(a.prefs, a.role, TOPIC_OF.digest, 'email') || wants(a.prefs, a.role, TOPIC_OF.digest, 'inApp')));
    if (wanting.length === 0) continue;
    const [figures] = await deps.db.execute<{ sessions: number; attended: number; expected: number; no_shows: number; failed_sweeps: number; webhook_problems: number }>(sql`
      WITH s AS (SELECT id, teacher_id FROM sessions WHERE academy_id = ${academy.id} AND scheduled_at >= ${day.from.toISOString()} AND scheduled_at < ${day.to.toISOString()} AND status IN ('completed', 'absent'))
      SELECT (SELECT count(*)::int FROM s) AS sessions,
             (SELECT count(*)::int FROM attendance_records r JOIN s ON s.id = r.session_id WHERE r.user_type = 'student' AND COALESCE(r.override_status, r.status) <> 'absent') AS attended,
             (SELECT count(*)::int FROM attendance_records r JOIN s ON s.id = r.session_id WHERE r.user_type = 'student') AS expected,
             (SELECT count(*)::int FROM s WHERE NOT EXISTS (SELECT 1 FROM attendance_records r WHERE r.session_id = s.id AND r.user_id = s.teacher_id AND COALESCE(r.override_status, r.status) <> 'absent')) AS no_shows,
             (SELECT count(*)::int FROM sweep_runs w WHERE (w.academy_id = ${academy.id} OR w.academy_id IS NULL) AND NOT w.dry_run AND w.started_at >= ${day.from.toISOString()} AND w.started_at < ${day.to.toISOString()} AND (w.report->>'ok')::boolean IS FALSE) AS failed_sweeps,
             (SELECT count(*)::int FROM webhook_events e WHERE e.academy_id = ${academy.id} AND e.flag = 'cannot_apply' AND e.received_at >= ${day.from.toISOString()} AND e.received_at < ${day.to.toISOString()}) AS webhook_problems`);
    const f = figures!;
    for (const admin of wanting) {
      const email = wants(admin.prefs, admin.role, 'digest', 'email');
      const inApp = wants(admin.prefs, admin.role, 'digest', 'inApp');
      planned.push({
        notice: { userId: admin.userId, kind: 'digest', key: `digest:${academy.id}:${day.date}:${admin.userId}`, email, inApp },
        contact: admin,
        academyId: academy.id,
        sessionId: null,
        params: {
          date: day.date,
          sessions: f.sessions,
          attendanceRate: f.expected ? Math.round((100 * f.attended) / f.expected) : 0,
          noShows: f.no_shows,
          failedSweeps: f.failed_sweeps,
          webhookProblems: f.webhook_problems,
        },
      });
    }
  }
  await settle(deps, planned, input.dryRun, counts);
  return counts;
}
