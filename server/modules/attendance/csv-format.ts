/**
 * How one attendance row becomes CSV (docs/rules.md#attendance export): UTF-8 with a BOM so
 * spreadsheet programs read Arabic, times as local wall-clock
 * 'YYYY-MM-DD HH:mm:ss' in the reader's timezone (their own, else the academy's) with the zone named in its
 * own column. Pure: the stream in export-csv.ts feeds it batches.
 */
import 'server-only';
import { stringify } from 'csv-stringify/sync';

export const CSV_HEADER = [
  'session_id',
  'session_title',
  'kind',
  'scheduled_start',
  'timezone',
  'teacher',
  'participant',
  'user_type',
  'status',
  'computed_status',
  'override_reason',
  'first_join',
  'last_leave',
  'attended_minutes',
  'percentage',
  'join_count',
  'leave_count',
] as const;

export type CsvColumn = (typeof CSV_HEADER)[number];
/** The header a person reads (the exporter's language), or the stable keys a program reads (`?header=keys`). */
export type CsvHeaderChoice = 'keys' | 'ar' | 'en';

const CSV_COLUMN_NAMES: Record<'ar' | 'en', Record<CsvColumn, string>> = {
  en: {
    session_id: 'Session number',
    session_title: 'Session',
    kind: 'Kind',
    scheduled_start: 'Scheduled start',
    timezone: 'Timezone',
    teacher: 'Teacher',
    participant: 'Participant',
    user_type: 'Role',
    status: 'Status',
    computed_status: 'Computed status',
    override_reason: 'Override reason',
    first_join: 'First join',
    last_leave: 'Last leave',
    attended_minutes: 'Minutes attended',
    percentage: 'Attendance %',
    join_count: 'Joins',
    leave_count: 'Leaves',
  },
  ar: {
    session_id: 'رقم الجلسة',
    session_title: 'الجلسة',
    kind: 'النوع',
    scheduled_start: 'موعد البدء',
    timezone: 'المنطقة الزمنية',
    teacher: 'المعلم',
    participant: 'المشارك',
    user_type: 'الدور',
    status: 'الحالة',
    computed_status: 'الحالة المحسوبة',
    override_reason: 'سبب التعديل',
    first_join: 'أول دخول',
    last_leave: 'آخر خروج',
    attended_minutes: 'دقائق الحضور',
    percentage: 'نسبة الحضور %',
    join_count: 'مرات الدخول',
    leave_count: 'مرات الخروج',
  },
};

/** The header line's cells, in CSV_HEADER's order whatever the choice (the rows do not change). */
export function csvHeaderFor(choice: CsvHeaderChoice): readonly string[] {
  return choice === 'keys' ? CSV_HEADER : CSV_HEADER.map((column) => CSV_COLUMN_NAMES[choice][column]);
}

export interface ExportRow {
  sessionId: number;
  sessionTitle: string;
  kind: string;
  scheduledAt: Date;
  teacherName: string;
  participantName: string;
  userType: string;
  /** coalesce(override, computed) */
  status: string;
  computedStatus: string;
  overrideReason: string | null;
  firstJoinAt: Date | null;
  lastLeaveAt: Date | null;
  totalSeconds: number;
  /** numeric(5,2) as Postgres sends it, e.g. '66.67' */
  percentage: string | number;
  joinCount: number;
  leaveCount: number;
}

const RFC4180 = { record_delimiter: '\r\n' } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the UTC offset of each UTC hour, or null when that hour holds a transition. */
const hourOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_HOURS = 50_000;
const MS_PER_HOUR = 3_600_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23: some engines print midnight as 24 with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock minus UTC at `ms`, from ICU: the slow, always-right path. */
function offsetFromIntl(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Asking ICU for every timestamp costs ~9 µs, a third of a second per 10,000
 * rows. An hour whose start and end share an offset has no transition inside
 * (zones change at most once in an hour), so its offset is cached and the
 * rest is arithmetic; an hour with a transition always asks ICU.
 */
function offsetAt(ms: number, timeZone: string): number {
  let zone = hourOffsets.get(timeZone);
  if (!zone || zone.size > MAX_CACHED_HOURS) hourOffsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(ms / MS_PER_HOUR);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = offsetFromIntl(hour * MS_PER_HOUR, timeZone);
    offset = start === offsetFromIntl((hour + 1) * MS_PER_HOUR - 1, timeZone) ? start : null;
    zone.set(hour, offset);
  }
  return offset ?? offsetFromIntl(ms, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Wall-clock time at `instant` in `timeZone` (IANA rules, so DST included). Throws RangeError for an unknown zone. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetAt(ms, timeZone));
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  );
}

export function attendedMinutes(totalSeconds: number): string {
  return (totalSeconds / 60).toFixed(1);
}

/**
 * Names, titles and reasons are typed by users; a cell starting with = + - @
 * (or a tab/CR) is run as a formula by spreadsheet programs, so it gets a
 * leading apostrophe (OWASP's CSV injection advice). Spreadsheets skip
 * leading whitespace and read the full-width ＝＋－＠ as the ASCII ones, so
 * those count too.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvRecord(row: ExportRow, timeZone: string): string[] {
  const local = (at: Date | null) => (at ? formatLocalDateTime(at, timeZone) : '');
  return [
    String(row.sessionId),
    spreadsheetSafe(row.sessionTitle),
    row.kind,
    local(row.scheduledAt),
    timeZone,
    spreadsheetSafe(row.teacherName),
    spreadsheetSafe(row.participantName),
    row.userType,
    row.status,
    row.computedStatus,
    row.overrideReason === null ? '' : spreadsheetSafe(row.overrideReason),
    local(row.firstJoinAt),
    local(row.lastLeaveAt),
    attendedMinutes(row.totalSeconds),
    Number(row.percentage).toFixed(2),
    String(row.joinCount),
    String(row.leaveCount),
  ];
}

/** The first chunk of every export: the BOM and the header line. */
export function csvHeaderChunk(header: readonly string[] = CSV_HEADER): string {
  return stringify([[...header]], { ...RFC4180, bom: true });
}

export function csvRowsChunk(rows: readonly ExportRow[], timeZone: string): string {
  return stringify(
    rows.map((row) => csvRecord(row, timeZone)),
    RFC4180,
  );
}

/**
 * A pull stream over batches: a batch is read only when the consumer wants
 * more, so at most a batch or two is in memory whatever the export's size,
 * and cancelling (a closed download) returns the source, which closes the
 * database cursor behind it.
 */
export function csvStream<T>(
  batches: AsyncIterable<readonly T[]>,
  toRow: (item: T) => ExportRow,
  timeZone: string,
  onError: (error: unknown) => void = () => {},
  /** Once, when the stream ends however it ends (done, failed or cancelled), before the reader hears of it. */
  onClose: () => Promise<void> | void = () => {},
  header: readonly string[] = CSV_HEADER,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await onClose();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvHeaderChunk(header)));
      },
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) {
            await close();
            controller.close();
          } else controller.enqueue(encoder.encode(csvRowsChunk(next.value.map(toRow), timeZone)));
        } catch (error) {
          await close();
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
        await close();
      },
    },
    { highWaterMark: 1 },
  );
}
