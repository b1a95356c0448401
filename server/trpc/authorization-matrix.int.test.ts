/**
 * Every procedure of the app router × every role × every target it can aim
 * at, from one table (server/trpc/authorization-cells.ts). The procedure list
 * comes from the router itself, so a procedure added without cells fails
 * here. Another academy's session is NOT_FOUND, never data; an allowed cell
 * asserts the shape of its answer.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDb, testDb } from '@/server/testing/integration';
import { callByPath, listProcedures } from '@/server/testing/procedures';
import { CELL_SPECS, buildMatrixFixture, expectedOutcome, prepareCell } from '@/server/testing/authorization-cells';
import { targetsOf, WHO, type MatrixFixture } from '@/server/testing/authorization-cell-spec';

const db = testDb();
const PROCEDURES = listProcedures();
const PATHS = PROCEDURES.map((p) => p.path);

let fixture: MatrixFixture;

beforeAll(async () => {
  fixture = await buildMatrixFixture(db);
}, 120_000);

afterAll(async () => {
  await closeTestDb();
});

const cells = PATHS.filter((path) => path in CELL_SPECS).flatMap((path) =>
  WHO.flatMap((who) => targetsOf(CELL_SPECS[path]!).map((target) => ({ path, who, target, want: expectedOutcome(CELL_SPECS[path]!, who, target) }))),
);
const byScope = (scope: string) => new Set(PATHS.filter((p) => CELL_SPECS[p]?.scope === scope)).size;

describe(`authorization matrix (${PATHS.length} procedures × ${WHO.length} roles × their targets = ${cells.length} cells)`, () => {
  it('has cells for every procedure of the router, and none for a procedure that is gone', () => {
    console.log(
      `authorization matrix: ${cells.length} cells; ${byScope('session')} session procedures × ${WHO.length} roles × 6 targets, ` +
        `${byScope('academy')} academy procedures × ${WHO.length} × 2, ${byScope('self')} own-account procedures × ${WHO.length} × 1`,
    );
    expect(PATHS.filter((path) => !(path in CELL_SPECS)), 'procedures without cells in server/trpc/authorization-cells.ts').toEqual([]);
    expect(Object.keys(CELL_SPECS).filter((path) => !PATHS.includes(path)), 'cells for procedures that no longer exist').toEqual([]);
    for (const path of PATHS) expect(cells.filter((c) => c.path === path).length, path).toBeGreaterThanOrEqual(WHO.length);
  });

  it.each(cells)('$path as $who on $target → $want', async ({ path, who, target, want }) => {
    const spec = CELL_SPECS[path]!;
    const cell = await prepareCell(fixture, spec, who, target);
    try {
      const outcome = await callByPath(cell.deps, cell.actor, null, path, cell.input).then(
        (data) => ({ ok: true as const, data }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (want === 'OK') {
        if (!outcome.ok && spec.passedAuthorization?.(outcome.error)) return;
        if (!outcome.ok) throw outcome.error;
        await spec.shape(await cell.read(outcome.data), cell);
      } else {
        expect(outcome.ok, `expected ${want}`).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(TRPCError);
          const error = outcome.error as TRPCError;
          expect(`${error.code}: ${error.message}`).toMatch(new RegExp(`^${want}: `));
          // NOT_FOUND must look exactly like a missing row: no data in the message.
          if (want === 'NOT_FOUND') expect(error.message).toMatch(/^(Session|Academy|Teacher|Schedule|Recitation|Person|Import) not found$/);
        }
      }
    } finally {
      await cell.cleanup();
    }
  });

  it('answers a session that does not exist exactly like another academy’s', async () => {
    const cell = await prepareCell(fixture, CELL_SPECS['session.detail']!, 'teacher', 'ownCircle');
    await expect(callByPath(cell.deps, cell.actor, null, 'session.detail', { sessionId: 2_000_000_000 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Session not found',
    });
  });
});
