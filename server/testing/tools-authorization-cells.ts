/**
 * The authorization matrix's cells for the teaching tools' procedures
 * (mushaf.*, recitation.*, poll.*), merged into CELL_SPECS
 * (server/testing/authorization-cells.ts).
 */
import { expect } from 'vitest';
import type { Actor } from '@/server/lib/actor';
import { callerFor } from '@/server/testing/integration';
import type { Cell, CellSpec } from './authorization-cells';

const session = <T extends object>(c: Cell, extra: T = {} as T) => ({ sessionId: c.sessionId, ...extra });
const as = (c: Cell, actor: Actor) => callerFor(c.deps, actor);
const commandShape = (data: unknown) => expect(data).toMatchObject({ commandId: expect.any(String) });

export const TOOLS_CELL_SPECS: Record<string, CellSpec> = {
  'mushaf.text': {
    scope: 'self',
    rule: 'anyone',
    input: () => ({ surah: 67, fromAyah: 1, toAyah: 5 }),
    shape: (d) => expect(d).toMatchObject({ surah: 67, nameEn: 'Al-Mulk', verses: [{ ayah: 1 }, { ayah: 2 }, { ayah: 3 }, { ayah: 4 }, { ayah: 5 }] }),
  },
  'mushaf.set': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c, { surah: 67, fromAyah: 1, toAyah: 5, highlight: 3 }),
    shape: commandShape,
  },
  'mushaf.close': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await as(c, c.fixture.actors.super_admin).mushaf.set(session(c, { surah: 1, fromAyah: 1, toAyah: 7, highlight: null }));
      return session(c);
    },
    shape: commandShape,
  },
};
