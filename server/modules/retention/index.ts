/** Retention: what grows with use and how long it is kept (docs/operations.md#data-retention). */
import 'server-only';
export { pruneData, PRUNED_TABLES, type PruneOptions, type PruneReport, type PrunedTable } from './prune-data';
export { formatPruneReport } from './format-report';
export { DEFAULT_EVENT_RETENTION_DAYS, eventExpiresAt, pruneCutoffs } from './rules';
