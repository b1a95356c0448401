/**
 * The notify sweep (every minute; `npm run meetings -- notify`, `/api/cron/notify`):
 * class reminders due now, absence and lateness notices for sessions just
 * finalised (or overridden), recordings ready, and the admins' 07:00 digest.
 * Exactly once whatever runs overlap: every notice is keyed uniquely in
 * notifications (server/modules/notifications). One academy's failure is
 * reported and never stops the rest.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { queueAttendanceNotices, queueDailyDigests, queueDueReminders, queueRecordingNotices, type ProducerCounts } from '@/server/modules/notifications';
import { finishSweep } from './record-run';
import { errorMessage, type SkippedAcademy, type SweepItem, type SweepOptions, type SweepReport } from './report';
import { loadSweepAcademies } from './sweep-academies';

export const NOTIFY_LOCKING = 'each notice has a unique key in notifications: INSERT … ON CONFLICT DO NOTHING, and only inserted notices are mailed';

interface NotifyCounts {
  reminders: number;
  attendance: number;
  recordings: number;
  digests: number;
  emailed: number;
  failed: number;
}

export type NotifyReport = SweepReport<NotifyCounts, object, 'notify'>;
const COUNT_KEYS = ['reminders', 'attendance', 'recordings', 'digests', 'emailed', 'failed'] as const;

export async function sendNotifications(deps: Deps, options: SweepOptions = {}): Promise<NotifyReport> {
  const startedMs = performance.now();
  const startedAt = deps.clock.now();
  const now = options.now ?? startedAt;
  const dryRun = options.dryRun ?? false;
  const { academies, selected } = await loadSweepAcademies(deps.db, options.academy);
  const skippedAcademies: SkippedAcademy[] = academies.filter((a) => !a.active).map((a) => ({ academyId: a.id, slug: a.slug, reason: 'academy_inactive' }));
  const working = academies.filter((a) => a.active);

  const entries = [];
  let done = 0;
  for (const academy of working) {
    const entry = {
      academyId: academy.id,
      slug: academy.slug,
      timezone: academy.timezone,
      reminders: 0,
      attendance: 0,
      recordings: 0,
      digests: 0,
      emailed: 0,
      failed: 0,
      errors: [] as { sessionId: number | null; message: string }[],
      sessions: [] as SweepItem[],
    };
    const input = { now, academyIds: [academy.id], dryRun };
    const producers: [keyof Omit<NotifyCounts, 'emailed' | 'failed'>, () => Promise<Map<number, ProducerCounts>>][] = [
      ['reminders', () => queueDueReminders(deps, input)],
      ['attendance', () => queueAttendanceNotices(deps, input)],
      ['recordings', () => queueRecordingNotices(deps, input)],
      ['digests', () => queueDailyDigests(deps, { now, academies: [{ id: academy.id, timezone: academy.timezone }], dryRun })],
    ];
    for (const [name, run] of producers) {
      try {
        const counts = (await run()).get(academy.id);
        entry[name] += counts?.notices ?? 0;
        entry.emailed += counts?.emailed ?? 0;
      } catch (error) {
        entry.failed += 1;
        entry.errors.push({ sessionId: null, message: `${name}: ${errorMessage(error)}` });
      }
    }
    entries.push(entry);
    done += 1;
    options.onProgress?.({ job: 'notify', done, total: working.length });
  }
  return finishSweep<NotifyCounts, object, 'notify'>(
    deps,
    { job: 'notify', dryRun, now, academy: selected, locking: NOTIFY_LOCKING, skippedAcademies, startedAt, startedMs },
    COUNT_KEYS,
    entries,
  );
}
