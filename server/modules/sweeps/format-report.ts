/**
 * The CLI's human-readable report, in the shape operators know from the former system's commands:
 * per-academy counts, overall results, system statistics, time taken.
 * Pure (report in, text out) so its wording is tested without a terminal.
 */
import 'server-only';
import type { CleanupReport } from './cleanup-expired';
import type { CreateScheduledReport } from './create-scheduled';
import type { AnySweepReport } from './jobs';
import type { NotifyReport } from './notify';
import type { ReconcileReport } from './reconcile-attendance';
import type { SweepItem } from './report';
import type { SweepStats } from './sweep-stats';

type AnyReport = AnySweepReport;

export interface FormatOptions {
  verbose?: boolean;
  stats?: SweepStats | null;
}

const MAX_ERRORS_SHOWN = 20;

function utc(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} seconds`;
}

function breakdown(counts: Partial<Record<string, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([k, n]) => `${k.replace(/_/g, ' ')} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

function itemLine(item: SweepItem, dryRun: boolean): string {
  const what = dryRun && item.outcome !== 'failed' && item.outcome !== 'skipped' ? `would be ${item.outcome}` : item.outcome;
  const detail = item.error ?? item.reason ?? (item.joinsAdded || item.leavesAdded ? `+${item.joinsAdded ?? 0} joins, +${item.leavesAdded ?? 0} leaves` : '');
  return `      session ${item.sessionId}: ${what}${detail ? ` (${detail})` : ''}`;
}

const HEADINGS: Record<AnyReport['job'], { icon: string; start: string; done: string }> = {
  'create-scheduled': { icon: '🎥', start: 'automatic meeting creation', done: 'Meeting creation' },
  'cleanup-expired': { icon: '🧹', start: 'expired meetings cleanup', done: 'Meeting cleanup' },
  'reconcile-attendance': { icon: '🔁', start: 'attendance reconciliation', done: 'Attendance reconciliation' },
  notify: { icon: '🔔', start: 'notifications (reminders, attendance notices, recordings, digests)', done: 'Notifications' },
};

function academyLine(report: AnyReport, entry: AnyReport['academies'][number]): string {
  const name = `${entry.slug} (${entry.timezone})`.padEnd(36);
  switch (report.job) {
    case 'create-scheduled': {
      const e = entry as CreateScheduledReport['academies'][number];
      return `  ${name} candidates ${e.candidates}  processed ${e.processed}  created ${e.created}  failed ${e.failed}  skipped ${e.skipped}`;
    }
    case 'cleanup-expired': {
      const e = entry as CleanupReport['academies'][number];
      return `  ${name} checked ${e.checked}  ended ${e.ended}  closed ${e.closed}  failed ${e.failed}  skipped ${e.skipped}${e.autoEnd ? '' : '  (auto-end off)'}`;
    }
    case 'reconcile-attendance': {
      const e = entry as ReconcileReport['academies'][number];
      return `  ${name} meetings ${e.checked}  repaired ${e.repaired}  joins +${e.joinsAdded}  leaves +${e.leavesAdded}  failed ${e.failed}  recordings ${e.recordingsUpdated}/${e.recordingsChecked} updated  stranded finalised ${e.strandedFinalized}`;
    }
    case 'notify': {
      const e = entry as NotifyReport['academies'][number];
      return `  ${name} reminders ${e.reminders}  attendance ${e.attendance}  recordings ${e.recordings}  digests ${e.digests}  emailed ${e.emailed}  failed ${e.failed}`;
    }
  }
}

function overall(report: AnyReport): string[] {
  const would = report.dryRun ? ' (would be)' : '';
  switch (report.job) {
    case 'create-scheduled': {
      const t = report.totals;
      return [
        `  • Academies processed: ${t.academies}${report.skippedAcademies.length ? ` (${report.skippedAcademies.length} skipped: auto-create off or inactive)` : ''}`,
        `  • Sessions checked: ${t.candidates}`,
        `  • Total sessions processed: ${t.processed}`,
        `  • Total meetings created${would}: ${t.created}`,
        `  • Total meetings failed: ${t.failed}`,
        `  • Skipped (another run had them, or they changed): ${t.skipped}`,
      ];
    }
    case 'cleanup-expired': {
      const t = report.totals;
      return [
        `  • Academies: ${t.academies}`,
        `  • Sessions checked: ${t.checked}`,
        `  • Meetings ended${would}: ${t.ended}`,
        `  • Sessions closed without a meeting${would}: ${t.closed}`,
        `  • Meetings failed to end: ${t.failed}`,
        `  • Skipped (another run had them, or they changed): ${t.skipped}`,
      ];
    }
    case 'reconcile-attendance': {
      const t = report.totals;
      return [
        `  • Academies: ${t.academies}`,
        `  • Live meetings checked: ${t.checked}`,
        `  • Meetings repaired${would}: ${t.repaired}`,
        `  • Missed joins added${would}: ${t.joinsAdded}`,
        `  • Missed leaves added${would}: ${t.leavesAdded}`,
        `  • Meetings failed: ${t.failed}`,
        `  • Unfinished recordings checked: ${t.recordingsChecked} (updated${would}: ${t.recordingsUpdated})`,
        `  • Sessions finalised after a room_finished that could not apply${would}: ${t.strandedFinalized}`,
      ];
    }
    case 'notify': {
      const t = report.totals;
      return [
        `  • Academies: ${t.academies}`,
        `  • Reminders queued${would}: ${t.reminders}`,
        `  • Absence and lateness notices${would}: ${t.attendance}`,
        `  • Recording-ready notices${would}: ${t.recordings}`,
        `  • Daily digests${would}: ${t.digests}`,
        `  • Mails queued${would}: ${t.emailed}`,
        `  • Failures: ${t.failed}`,
      ];
    }
  }
}

export function formatStats(stats: SweepStats, heading = '📈 System statistics'): string[] {
  return [
    `${heading}${stats.academy ? ` (${stats.academy.slug})` : ''}:`,
    `  • Total auto-generated meetings: ${stats.totalAutoGenerated}`,
    `  • Active meetings: ${stats.activeMeetings}`,
    `  • Meetings created today: ${stats.createdToday}`,
    `  • Meetings created this week: ${stats.createdThisWeek}`,
    `  • Academies with auto-creation enabled: ${stats.academiesWithAutoCreate}`,
  ];
}

export function formatSweepReport(report: AnyReport, options: FormatOptions = {}): string {
  const heading = HEADINGS[report.job];
  const lines: string[] = [];
  lines.push(`${heading.icon} Starting ${heading.start}${report.dryRun ? ' — DRY RUN: nothing is changed, this is what a real run would do' : ''}...`);
  lines.push(`📅 Current time: ${utc(report.now)}`);
  lines.push(report.academy ? `🏫 Academy: ${report.academy.slug} (#${report.academy.academyId})` : '🌍 Processing all academies...');
  if (options.verbose) lines.push(`🔒 Concurrency: ${report.locking}`);
  lines.push('');

  const shown = report.academies.filter((a) => options.verbose || a.sessions.length > 0 || a.errors.length > 0);
  if (shown.length) {
    lines.push('🏫 Per academy:');
    for (const entry of shown) {
      lines.push(academyLine(report, entry));
      if (options.verbose) {
        if ('ineligible' in entry) lines.push(`      not yet eligible: ${breakdown(entry.ineligible)}`);
        if ('waiting' in entry) lines.push(`      left open for now: ${breakdown(entry.waiting)}`);
        for (const item of entry.sessions) lines.push(itemLine(item, report.dryRun));
      }
    }
    lines.push('');
  }
  if (options.verbose && report.skippedAcademies.length) {
    lines.push(`⏭  Skipped academies: ${report.skippedAcademies.map((a) => `${a.slug} (${a.reason.replace(/_/g, ' ')})`).join(', ')}`);
    lines.push('');
  }

  const errors = report.academies.flatMap((a) => a.errors.map((e) => ({ ...e, slug: a.slug })));
  if (errors.length) {
    lines.push(`❌ Failures (${errors.length}):`);
    for (const e of errors.slice(0, options.verbose ? errors.length : MAX_ERRORS_SHOWN)) {
      lines.push(`  • ${e.slug}${e.sessionId === null ? '' : ` session ${e.sessionId}`}: ${e.message}`);
    }
    if (!options.verbose && errors.length > MAX_ERRORS_SHOWN) lines.push(`  … and ${errors.length - MAX_ERRORS_SHOWN} more (-v shows all)`);
    lines.push('');
  }

  lines.push('📊 Overall results:', ...overall(report), '');
  if (options.stats) lines.push(...formatStats(options.stats), '');
  lines.push(`⚡ Process completed in ${seconds(report.durationMs)}`);
  lines.push(
    report.ok
      ? `✅ ${heading.done} process completed successfully${report.dryRun ? ' (dry run)' : ''}`
      : `❌ ${heading.done} finished with ${errors.length} failure${errors.length === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}
