/**
 * The recitation log as its own CSV file (docs/rules.md#recitation-log): UTF-8 with a
 * BOM so spreadsheet programs read Arabic, one line per recitation, times
 * as the academy's local wall clock with the zone in its own column, text
 * cells guarded against formulas as the attendance export does.
 */
import 'server-only';
import { stringify } from 'csv-stringify/sync';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { isManagerRole } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { resolveAcademy } from '@/server/modules/academies';
import { formatLocalDateTime, spreadsheetSafe } from '@/server/modules/attendance';
import { countMistakes } from '@/shared/quran/mistakes';
import { academyRecitationRows } from './academy-recitations';

export const RECITATION_CSV_HEADER = [
  'recitation_id',
  'session_id',
  'session_title',
  'scheduled_start',
  'timezone',
  'teacher',
  'circle',
  'student',
  'kind',
  'from_surah',
  'from_ayah',
  'to_surah',
  'to_ayah',
  'memorisation_mistakes',
  'tajweed_mistakes',
  'pronunciation_mistakes',
  'grade',
  'note',
  'recorded_at',
  'updated_at',
] as const;

const BOM = '\uFEFF';
const RFC4180 = { record_delimiter: '\r\n' } as const;

export async function exportRecitationsCsv(deps: Pick<Deps, 'db'>, actor: Actor, input: { from: string; to: string; academyId?: number }) {
  if (!isManagerRole(actor.role)) throw new DomainError('FORBIDDEN', 'Only academy managers export the recitation log');
  const academy = await resolveAcademy(deps.db, actor, input.academyId);
  const rows = await academyRecitationRows(deps, academy, input);
  const tz = academy.timezone;
  const lines = rows.map((r) => {
    const counts = countMistakes(r.mistakes);
    return [
      r.id,
      r.sessionId,
      spreadsheetSafe(r.sessionTitle),
      formatLocalDateTime(r.scheduledAt, tz),
      tz,
      spreadsheetSafe(r.teacherName),
      spreadsheetSafe(r.circleName ?? ''),
      spreadsheetSafe(r.studentName),
      r.kind,
      r.fromSurah,
      r.fromAyah,
      r.toSurah,
      r.toAyah,
      counts.memorisation,
      counts.tajweed,
      counts.pronunciation,
      r.grade ?? '',
      spreadsheetSafe(r.note ?? ''),
      formatLocalDateTime(r.createdAt, tz),
      r.updatedAt ? formatLocalDateTime(r.updatedAt, tz) : '',
    ];
  });
  const text = BOM + stringify([[...RECITATION_CSV_HEADER], ...lines], RFC4180);
  return { filename: `recitations-${academy.slug}-${input.from}-${input.to}.csv`, text };
}
