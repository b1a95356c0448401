import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EGRESS_STATUS, mergeReport, stateOf, supersedes, type EgressReport, type RecordingState } from './egress-state';

const file = { location: 's3://halaqa/itqan/r/2026-11-23T20-15-00Z.mp4', durationMs: 3_600_000, sizeBytes: 734_003_200 };

function report(egressStatus: number, updatedNs: bigint, extra: Partial<EgressReport> = {}): EgressReport {
  return { egressId: 'EG_1', roomName: 'r', egressStatus, updatedNs, startedAt: new Date(0), endedAt: null, error: '', file: null, ...extra };
}

describe('stateOf', () => {
  it('maps every LiveKit egress status to one of ours', () => {
    expect(stateOf(report(EGRESS_STATUS.STARTING, 1n)).status).toBe('starting');
    expect(stateOf(report(EGRESS_STATUS.ACTIVE, 1n)).status).toBe('active');
    expect(stateOf(report(EGRESS_STATUS.ENDING, 1n)).status).toBe('ending');
    expect(stateOf(report(EGRESS_STATUS.COMPLETE, 1n, { file })).status).toBe('complete');
    expect(stateOf(report(EGRESS_STATUS.FAILED, 1n, { error: 'upload failed: 403' }))).toMatchObject({ status: 'failed', error: 'upload failed: 403' });
    expect(stateOf(report(EGRESS_STATUS.ABORTED, 1n))).toMatchObject({ status: 'failed', error: 'aborted before it started recording' });
    expect(stateOf(report(99, 1n)).status).toBe('failed');
  });

  it('keeps a recording cut at the time limit when a file was written, and says why', () => {
    expect(stateOf(report(EGRESS_STATUS.LIMIT_REACHED, 1n, { file }))).toMatchObject({ status: 'complete', error: 'stopped at the egress time limit', durationMs: 3_600_000 });
    expect(stateOf(report(EGRESS_STATUS.LIMIT_REACHED, 1n)).status).toBe('failed');
  });

  it('carries the file location, duration and size, and the end only once finished', () => {
    const endedAt = new Date('2026-11-23T21:15:00Z');
    expect(stateOf(report(EGRESS_STATUS.COMPLETE, 5n, { file, endedAt }))).toEqual({
      status: 'complete',
      progress: 3,
      updatedNs: 5n,
      endedAt,
      location: file.location,
      durationMs: file.durationMs,
      sizeBytes: file.sizeBytes,
      error: null,
    });
    expect(stateOf(report(EGRESS_STATUS.ACTIVE, 5n, { endedAt })).endedAt).toBeNull();
  });
});

describe('supersedes', () => {
  it('orders by progress first, then by LiveKit’s update time; a tie keeps the stored state', () => {
    expect(supersedes({ progress: 1, updatedNs: 1n }, { progress: 0, updatedNs: 9n })).toBe(true);
    expect(supersedes({ progress: 0, updatedNs: 9n }, { progress: 1, updatedNs: 1n })).toBe(false);
    expect(supersedes({ progress: 1, updatedNs: 2n }, { progress: 1, updatedNs: 1n })).toBe(true);
    expect(supersedes({ progress: 1, updatedNs: 1n }, { progress: 1, updatedNs: 1n })).toBe(false);
  });
});

// A plausible egress life: starting → active (several updates) → ending → complete or failed,
// with strictly increasing updatedAt, as LiveKit reports it.
const lifeArb = fc
  .record({ actives: fc.integer({ min: 0, max: 4 }), ends: fc.boolean(), outcome: fc.constantFrom(EGRESS_STATUS.COMPLETE, EGRESS_STATUS.FAILED, EGRESS_STATUS.ABORTED, EGRESS_STATUS.LIMIT_REACHED) })
  .map(({ actives, ends, outcome }) => {
    const statuses = [EGRESS_STATUS.STARTING, ...Array<number>(actives).fill(EGRESS_STATUS.ACTIVE), ...(ends ? [EGRESS_STATUS.ENDING] : []), outcome];
    return statuses.map((s, i) => report(s, BigInt(1_700_000_000_000_000_000 + i * 1_000_000), s === EGRESS_STATUS.COMPLETE || s === EGRESS_STATUS.LIMIT_REACHED ? { file: { ...file, durationMs: i } } : {}));
  });

const fold = (reports: EgressReport[]) => reports.reduce<RecordingState | null>((state, r) => mergeReport(state, r), null);

describe('merging reports in any order', () => {
  it('ends in the state of the last report, whatever order and however often they arrive', () => {
    fc.assert(
      fc.property(
        lifeArb.chain((life) =>
          fc.tuple(
            fc.constant(life),
            // Each report delivered 1–3 times, then shuffled.
            fc.array(fc.integer({ min: 1, max: 3 }), { minLength: life.length, maxLength: life.length }).chain((times) => {
              const copies = life.flatMap((r, i) => Array<EgressReport>(times[i]!).fill(r));
              return fc.shuffledSubarray(copies, { minLength: copies.length });
            }),
          ),
        ),
        ([life, delivered]) => {
          expect(fold(delivered)).toEqual(stateOf(life[life.length - 1]!));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never moves a recording backwards: each merge is at least as far along as the state before', () => {
    fc.assert(
      fc.property(lifeArb.chain((life) => fc.shuffledSubarray(life, { minLength: life.length })), (delivered) => {
        let state: RecordingState | null = null;
        for (const r of delivered) {
          const next = mergeReport(state, r);
          if (state) expect(next.progress).toBeGreaterThanOrEqual(state.progress);
          state = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
