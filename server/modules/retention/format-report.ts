/** The prune-data report as the CLI prints it. */
import 'server-only';
import { PRUNED_TABLES, type PruneReport } from './prune-data';

export function formatPruneReport(report: PruneReport): string {
  const width = Math.max(...PRUNED_TABLES.map((t) => t.length));
  const lines = PRUNED_TABLES.map((t) => `  ${t.padEnd(width)}  ${report.deleted[t]}`);
  const verb = report.dryRun ? 'would delete (dry run)' : 'deleted';
  return [`🧹 prune-data at ${report.now}: rows ${verb}`, ...lines, `  (${report.durationMs} ms)`].join('\n');
}
