/**
 * The authorization matrix's cells for the teaching tools' procedures
 * (mushaf.*, recitation.*, poll.*), merged into CELL_SPECS
 * (server/testing/authorization-cells.ts).
 */
import { expect } from 'vitest';
import { recitations } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { callerFor } from '@/server/testing/integration';
import type { Cell, CellSpec } from './authorization-cell-spec';

const session = <T extends object>(c: Cell, extra: T = {} as T) => ({ sessionId: c.sessionId, ...extra });
const as = (c: Cell, actor: Actor) => callerFor(c.deps, actor);
const reportRange = { from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
const RECITED = { kind: 'memorisation', fromSurah: 67, fromAyah: 1, toSurah: 67, toAyah: 5, mistakes: [{ kind: 'tajweed', surah: 67, ayah: 3 }], grade: 'good', note: null } as const;

/** A recitation of the target session's subject, written straight to the table (so refused cells have one to aim at). */
async function storedRecitation(c: Cell): Promise<number> {
  const academyId = c.target === 'otherAcademy' ? c.fixture.awayAcademyId : c.fixture.homeAcademyId;
  const [row] = await c.fixture.db
    .insert(recitations)
    .values({ academyId, sessionId: c.sessionId, studentId: c.subject.id, ...RECITED, mistakes: [...RECITED.mistakes] })
    .returning({ id: recitations.id });
  return row!.id;
}

/** A poll asked by the super admin in the target session (so an allowed call has one to act on). */
async function askedPoll(c: Cell): Promise<number> {
  const { pollId } = await as(c, c.fixture.actors.super_admin).poll.ask(session(c, { question: 'سؤال', options: ['أ', 'ب'] }));
  return pollId;
}

const commandShape = (data: unknown) => expect(data).toMatchObject({ commandId: expect.any(String) });

/** The board opened by the super admin in the target session (so an allowed call has one to act on). */
async function openedBoard(c: Cell): Promise<void> {
  await as(c, c.fixture.actors.super_admin).whiteboard.set(session(c, { drawers: { kind: 'teacher' } }));
}
const STROKE = { id: 'stroke-1', type: 'freedraw', version: 2, versionNonce: 7, isDeleted: false, points: [[0, 0], [4, 4]] };

export const TOOLS_CELL_SPECS: Record<string, CellSpec> = {
  'whiteboard.set': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c, { drawers: { kind: 'all' } }),
    shape: (d) => expect(d).toMatchObject({ commandId: expect.any(String), whiteboard: { drawers: { kind: 'all' }, sceneVersion: expect.any(Number) } }),
  },
  'whiteboard.close': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => {
      if (allowed) await openedBoard(c);
      return session(c);
    },
    shape: commandShape,
  },
  // Students may draw only when the teacher lets them; the board is open for the teacher alone here (whiteboard.int.test.ts has the rest).
  'whiteboard.draw': {
    scope: 'session',
    rule: 'manage',
    input: async (c) => {
      await openedBoard(c).catch(() => {});
      return session(c, { elements: [STROKE] });
    },
    shape: (d) => expect(d).toMatchObject({ version: expect.any(Number) }),
  },
  'whiteboard.scene': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d) => expect(d).toMatchObject({ open: expect.any(Boolean), version: expect.any(Number), elements: expect.any(Array), mayDraw: expect.any(Boolean) }),
  },
  'whiteboard.saveImage': {
    scope: 'session',
    rule: 'manage',
    input: async (c) => {
      await openedBoard(c).catch(() => {});
      return session(c, { svg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L4 4"/></svg>' });
    },
    shape: (d) => expect(d).toMatchObject({ savedAt: expect.any(String) }),
  },
  // The matrix's sessions may have an image from the saveImage cells, or none yet.
  'whiteboard.image': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d) => expect(d === null || (typeof (d as { svg: unknown }).svg === 'string' && typeof (d as { savedAt: unknown }).savedAt === 'string')).toBe(true),
  },

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

  'poll.ask': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c, { question: 'هل حفظت الآيات؟', options: ['نعم', 'لا'] }),
    shape: (d) => expect(d).toMatchObject({ pollId: expect.any(Number), commandId: expect.any(String) }),
  },
  'poll.answer': {
    scope: 'session',
    rule: 'student',
    input: async (c, allowed) => session(c, { pollId: allowed ? await askedPoll(c) : 2_000_000_000, choice: 0 }),
    shape: (d) => expect(d).toMatchObject({ pollId: expect.any(Number) }),
  },
  'poll.close': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => session(c, { pollId: allowed ? await askedPoll(c) : 2_000_000_000 }),
    shape: (d) => expect(d).toMatchObject({ pollId: expect.any(Number) }),
  },
  'poll.showResults': {
    scope: 'session',
    rule: 'manage',
    input: async (c, allowed) => session(c, { pollId: allowed ? await askedPoll(c) : 2_000_000_000 }),
    shape: (d) => expect(d).toMatchObject({ pollId: expect.any(Number) }),
  },
  'poll.listForSession': { scope: 'session', rule: 'join', input: (c) => session(c), shape: (d) => expect(d).toMatchObject({ polls: expect.any(Array) }) },
  'poll.academy': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => ({ academyId: c.academyId, ...reportRange }),
    shape: (d, c) => expect(d).toMatchObject({ academyId: c.academyId, polls: expect.any(Number), answers: expect.any(Number) }),
  },

  'recitation.record': {
    scope: 'session',
    rule: 'manage',
    input: (c) => session(c, { studentId: c.subject.id, ...RECITED }),
    shape: (d, c) => expect(d).toMatchObject({ id: expect.any(Number), sessionId: c.sessionId, studentId: c.subject.id, createdBy: c.actor!.id }),
  },
  'recitation.update': {
    scope: 'session',
    rule: 'manage',
    input: async (c) => ({ recitationId: c.sessionId === 2_000_000_000 ? 2_000_000_000 : await storedRecitation(c), ...RECITED, grade: 'excellent' }),
    shape: (d, c) => expect(d).toMatchObject({ grade: 'excellent', updatedBy: c.actor!.id }),
  },
  'recitation.listForSession': {
    scope: 'session',
    rule: 'join',
    input: (c) => session(c),
    shape: (d) => expect(d).toMatchObject({ scale: 'five_level', rows: expect.any(Array) }),
  },
  // Everyone in the matrix is related to its student: the student, their parent, their circle's teacher, managers.
  'recitation.progress': {
    scope: 'self',
    rule: 'anyone',
    input: (c) => ({ studentId: c.fixture.actors.student.id }),
    shape: (d, c) => expect(d).toMatchObject({ student: { id: c.fixture.actors.student.id }, memorised: { ayahs: expect.any(Number) }, chart: expect.any(Array) }),
  },
  'recitation.academy': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => ({ academyId: c.academyId, ...reportRange }),
    shape: (d, c) => expect(d).toMatchObject({ academyId: c.academyId, byTeacher: expect.any(Array), byCircle: expect.any(Array) }),
  },
  'recitation.setGradeScale': {
    scope: 'academy',
    rule: 'admin',
    input: (c) => ({ academyId: c.academyId, scale: 'five_level' }),
    shape: (d) => expect(d).toMatchObject({ scale: 'five_level', grades: expect.any(Array) }),
  },
};
