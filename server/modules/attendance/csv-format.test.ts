import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  attendedMinutes,
  csvHeaderChunk,
  csvHeaderFor,
  csvRecord,
  csvRowsChunk,
  csvStream,
  formatLocalDateTime,
  spreadsheetSafe,
  type ExportRow,
} from './csv-format';

const BOM = '\uFEFF';

const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({
  sessionId: 42,
  sessionTitle: 'حلقة الفجر',
  kind: 'quran',
  scheduledAt: new Date('2025-03-10T16:00:00Z'),
  teacherName: 'الشيخ أحمد',
  participantName: 'مريم',
  userType: 'student',
  status: 'present',
  computedStatus: 'partial',
  overrideReason: 'انقطع الإنترنت',
  firstJoinAt: new Date('2025-03-10T16:02:03Z'),
  lastLeaveAt: new Date('2025-03-10T17:00:00.999Z'),
  totalSeconds: 3477,
  percentage: '96.58',
  joinCount: 2,
  leaveCount: 2,
  ...overrides,
});

describe('formatLocalDateTime', () => {
  it.each([
    // Asia/Riyadh: UTC+3 all year; a late-evening UTC instant is the next local day.
    ['2025-03-10T22:30:00Z', 'Asia/Riyadh', '2025-03-11 01:30:00'],
    // Midnight is 00, never 24.
    ['2025-01-01T21:00:00Z', 'Asia/Riyadh', '2025-01-02 00:00:00'],
    // New York springs forward at 02:00 local on 2025-03-09: 01:59:59 EST is followed by 03:00:00 EDT.
    ['2025-03-09T06:59:59Z', 'America/New_York', '2025-03-09 01:59:59'],
    ['2025-03-09T07:00:00Z', 'America/New_York', '2025-03-09 03:00:00'],
    // …and falls back on 2025-11-02: 01:30 happens twice, an hour apart.
    ['2025-11-02T05:30:00Z', 'America/New_York', '2025-11-02 01:30:00'],
    ['2025-11-02T06:30:00Z', 'America/New_York', '2025-11-02 01:30:00'],
    ['2025-03-30T00:59:59Z', 'Europe/London', '2025-03-30 00:59:59'],
    ['2025-03-30T01:00:00Z', 'Europe/London', '2025-03-30 02:00:00'],
    // Half-hour offset, and the southern hemisphere's DST in January.
    ['2025-06-01T00:00:00Z', 'Asia/Kolkata', '2025-06-01 05:30:00'],
    ['2025-01-15T12:00:00Z', 'Australia/Sydney', '2025-01-15 23:00:00'],
    ['2025-03-10T16:00:00.999Z', 'UTC', '2025-03-10 16:00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(formatLocalDateTime(new Date(instant), zone)).toBe(expected);
  });

  it.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Asia/Riyadh'])(
    'agrees with ICU at every minute around each 2025 transition in %s, and through the year',
    (zone) => {
      const reference = new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      const expected = (ms: number) => reference.format(ms);
      const offsetMinutes = (ms: number) => (Date.parse(`${expected(ms).replace(' ', 'T')}Z`) - Math.floor(ms / 1000) * 1000) / 60_000;
      const yearStart = Date.UTC(2025, 0, 1);
      const yearEnd = Date.UTC(2026, 0, 1);
      const probes: number[] = [];
      for (let ms = yearStart; ms < yearEnd; ms += 3_600_000) {
        if (offsetMinutes(ms) !== offsetMinutes(ms + 3_600_000)) {
          for (let m = -120; m <= 180; m += 1) probes.push(ms + m * 60_000, ms + m * 60_000 - 1);
        }
      }
      // Odd steps so probes land at every second and minute of the hour over the year.
      for (let ms = yearStart + 7; ms < yearEnd; ms += 2_237_011) probes.push(ms);
      const wrong = probes.filter((ms) => formatLocalDateTime(new Date(ms), zone) !== expected(ms));
      expect(wrong.map((ms) => new Date(ms).toISOString())).toEqual([]);
    },
  );

  it('refuses an unknown timezone', () => {
    expect(() => formatLocalDateTime(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('attendedMinutes', () => {
  it.each([
    [0, '0.0'],
    [90, '1.5'],
    [2400, '40.0'],
    [3599, '60.0'],
    [3477, '58.0'],
    [3470, '57.8'],
  ])('%i s → %s min', (seconds, minutes) => {
    expect(attendedMinutes(seconds)).toBe(minutes);
  });
});

describe('spreadsheetSafe', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (text) => {
    expect(spreadsheetSafe(text)).toBe(`'${text}`);
  });

  it.each([' =1+2', '  @SUM(A1)', '\u00a0-1', '\u3000+1', '\n=1', '＝HYPERLINK("http://x")', '＋1', '－1', '＠SUM(A1)', ' ＝1'])(
    'neutralises %j (leading whitespace, full-width signs)',
    (text) => {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    },
  );

  it.each(['مريم', 'Ali = Ahmad', 'a-b', '', ' ', 'مريم ＝ 1'])('leaves %j alone', (text) => {
    expect(spreadsheetSafe(text)).toBe(text);
  });

  it('never lets a cell start a formula, after the spreadsheet trims it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const safe = spreadsheetSafe(text).replace(/^\s+/u, '');
        expect(/^[=+\-@＝＋－＠]/u.test(safe)).toBe(false);
      }),
    );
  });
});

describe('csvRecord', () => {
  it('lays out every column in header order, times local with the zone named', () => {
    const record = csvRecord(row(), 'Asia/Riyadh');
    expect(record).toHaveLength(CSV_HEADER.length);
    expect(Object.fromEntries(CSV_HEADER.map((name, i) => [name, record[i]]))).toEqual({
      session_id: '42',
      session_title: 'حلقة الفجر',
      kind: 'quran',
      scheduled_start: '2025-03-10 19:00:00',
      timezone: 'Asia/Riyadh',
      teacher: 'الشيخ أحمد',
      participant: 'مريم',
      user_type: 'student',
      status: 'present',
      computed_status: 'partial',
      override_reason: 'انقطع الإنترنت',
      first_join: '2025-03-10 19:02:03',
      last_leave: '2025-03-10 20:00:00',
      attended_minutes: '58.0',
      percentage: '96.58',
      join_count: '2',
      leave_count: '2',
    });
  });

  it('leaves absent times and reasons empty and prints the percentage with 2 decimals', () => {
    const record = csvRecord(row({ firstJoinAt: null, lastLeaveAt: null, overrideReason: null, percentage: 0 }), 'UTC');
    expect([record[10], record[11], record[12], record[14]]).toEqual(['', '', '', '0.00']);
  });
});

describe('CSV chunks', () => {
  it('starts with the BOM and a CRLF-terminated header', () => {
    const header = csvHeaderChunk();
    expect(header.startsWith(BOM)).toBe(true);
    expect(header).toBe(`${BOM}${CSV_HEADER.join(',')}\r\n`);
  });

  it('quotes Arabic names holding commas, quotes and newlines, and keeps them intact', () => {
    const name = 'مريم "الصغيرة", بنت\nعلي';
    const text = csvRowsChunk([row({ participantName: name })], 'Asia/Riyadh');
    expect(text).toContain('"مريم ""الصغيرة"", بنت\nعلي"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.startsWith(BOM)).toBe(false);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ chunks: number; text: string }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { chunks, text: text + decoder.decode() };
    chunks += 1;
    text += decoder.decode(value, { stream: true });
  }
}

describe('csvStream', () => {
  const identity = (r: ExportRow) => r;

  it('delivers the header and then one chunk per batch', async () => {
    async function* batches() {
      yield [row({ sessionId: 1 })];
      yield [row({ sessionId: 2 }), row({ sessionId: 3 })];
    }
    const { chunks, text } = await readAll(csvStream(batches(), identity, 'Asia/Riyadh'));
    expect(chunks).toBe(3);
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['session_id', '1', '2', '3']);
  });

  it('reads batches only as the consumer asks, and closes the source when cancelled', async () => {
    let produced = 0;
    let closed = false;
    async function* batches() {
      try {
        for (let i = 0; i < 1000; i += 1) {
          produced += 1;
          yield [row({ sessionId: i + 1 })];
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(batches(), identity, 'UTC').getReader();
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it('errors the stream and reports when the source fails mid-way', async () => {
    const errors: unknown[] = [];
    async function* batches(): AsyncGenerator<ExportRow[]> {
      yield [row()];
      throw new Error('connection lost');
    }
    await expect(readAll(csvStream(batches(), identity, 'UTC', (e) => errors.push(e)))).rejects.toThrow('connection lost');
    expect(errors).toHaveLength(1);
  });
});

describe('the header line', () => {
  it('names every column in Arabic and in English, in the keys’ order, or gives the keys', () => {
    expect(csvHeaderFor('keys')).toEqual([...CSV_HEADER]);
    for (const locale of ['ar', 'en'] as const) {
      const names = csvHeaderFor(locale);
      expect(names).toHaveLength(CSV_HEADER.length);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((n) => n.trim() !== '' && !/_/.test(n)), `${locale}: no key left untranslated`).toBe(true);
    }
    expect(csvHeaderFor('ar')[CSV_HEADER.indexOf('participant')]).toBe('المشارك');
    expect(csvHeaderFor('en')[CSV_HEADER.indexOf('attended_minutes')]).toBe('Minutes attended');
    expect(csvHeaderChunk(csvHeaderFor('ar'))).toBe(`${BOM}${csvHeaderFor('ar').join(',')}\r\n`);
  });
});
