/**
 * Reading a roster file with csv-parse: UTF-8 with or without a BOM, quoted
 * fields, Arabic or English headers in any order and case. Pure: text in,
 * rows out (each with its line in the file), or a BAD_REQUEST naming what
 * is wrong with the file as a whole. Row-level problems are the plan's.
 */
import 'server-only';
import { CsvError, parse } from 'csv-parse/sync';
import { DomainError } from '@/server/lib/domain-error';

export const MAX_ROSTER_ROWS = 20_000;

export interface RosterRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string;
  role: string;
  parentEmail: string;
  circle: string;
  course: string;
}

type Field = Exclude<keyof RosterRow, 'line'>;

const HEADERS: Record<string, Field> = {
  name: 'name',
  'full name': 'name',
  'الاسم': 'name',
  email: 'email',
  'e-mail': 'email',
  'البريد': 'email',
  'البريد الإلكتروني': 'email',
  role: 'role',
  'الدور': 'role',
  'parent email': 'parentEmail',
  parent_email: 'parentEmail',
  'parent e-mail': 'parentEmail',
  'بريد ولي الأمر': 'parentEmail',
  circle: 'circle',
  'الحلقة': 'circle',
  course: 'course',
  'الدورة': 'course',
};

const REQUIRED: Field[] = ['name', 'email', 'role'];

const normalise = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

export function parseRoster(text: string): RosterRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true, to: MAX_ROSTER_ROWS + 2 }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new DomainError('BAD_REQUEST', `The file is not valid CSV (line ${(error as CsvError & { lines?: number }).lines ?? '?'})`, { cause: error });
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new DomainError('BAD_REQUEST', 'The file is empty');
  const columns = header.record.map((h) => HEADERS[normalise(h)]);
  const missing = REQUIRED.filter((f) => !columns.includes(f));
  if (missing.length) throw new DomainError('BAD_REQUEST', `The file has no ${missing.join(', ')} column (the first line names the columns)`);
  if (body.length > MAX_ROSTER_ROWS) throw new DomainError('BAD_REQUEST', `The file has more than ${MAX_ROSTER_ROWS} rows; split it`);
  return body.map(({ record: cells, info }) => {
    const row: RosterRow = { line: info.lines, name: '', email: '', role: '', parentEmail: '', circle: '', course: '' };
    columns.forEach((field, c) => {
      if (field && !row[field]) row[field] = (cells[c] ?? '').trim();
    });
    return row;
  });
}
