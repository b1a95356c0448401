import { describe, expect, it } from 'vitest';
import type { CreateScheduledReport } from './create-scheduled';
import { formatSweepReport } from './format-report';

function report(overrides: Partial<CreateScheduledReport> = {}): CreateScheduledReport {
  return {
    job: 'create-scheduled',
    dryRun: false,
    now: '2025-11-12T10:30:00.000Z',
    academy: null,
    locking: 'row locks',
    academies: [
      {
        academyId: 1,
        slug: 'itqan-academy',
        timezone: 'Asia/Riyadh',
        candidates: 4,
        processed: 3,
        created: 2,
        failed: 1,
        skipped: 0,
        ineligible: { already_started_past: 1 },
        errors: [{ sessionId: 42, message: 'createRoom: LiveKit unavailable' }],
        sessions: [
          { sessionId: 40, outcome: 'created' },
          { sessionId: 41, outcome: 'created' },
          { sessionId: 42, outcome: 'failed', error: 'createRoom: LiveKit unavailable' },
        ],
      },
      { academyId: 2, slug: 'quiet', timezone: 'UTC', candidates: 0, processed: 0, created: 0, failed: 0, skipped: 0, ineligible: {}, errors: [], sessions: [] },
    ],
    skippedAcademies: [{ academyId: 3, slug: 'off', reason: 'auto_create_off' }],
    totals: { academies: 2, candidates: 4, processed: 3, created: 2, failed: 1, skipped: 0 },
    durationMs: 2430,
    ok: false,
    ...overrides,
  };
}

describe('formatSweepReport', () => {
  it("reads as a per-academy report: per academy, failures, totals, time, verdict", () => {
    const text = formatSweepReport(report());
    expect(text).toContain('📅 Current time: 2025-11-12 10:30:00 UTC');
    expect(text).toMatch(/itqan-academy \(Asia\/Riyadh\)\s+candidates 4 {2}processed 3 {2}created 2 {2}failed 1/);
    expect(text).not.toContain('quiet');
    expect(text).toContain('• itqan-academy session 42: createRoom: LiveKit unavailable');
    expect(text).toContain('• Total meetings created: 2');
    expect(text).toContain('⚡ Process completed in 2.43 seconds');
    expect(text.split('\n').at(-1)).toBe('❌ Meeting creation finished with 1 failure');
  });

  it('says so on a dry run and lists every session with -v', () => {
    const text = formatSweepReport(report({ dryRun: true, ok: true }), { verbose: true });
    expect(text).toContain('DRY RUN');
    expect(text).toContain('• Total meetings created (would be): 2');
    expect(text).toContain('session 40: would be created');
    expect(text).toContain('quiet (UTC)');
    expect(text).toContain('not yet eligible: already started past 1');
    expect(text).toContain('Skipped academies: off (auto create off)');
    expect(text).toContain('🔒 Concurrency: row locks');
  });
});
