import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedElements, isWhiteboardView, mayDraw, mergeElements, visibleCount, type BoardDrawers, type BoardElement, type WhiteboardView } from './whiteboard';

const board = (drawers: BoardDrawers): WhiteboardView => ({ drawers, sceneVersion: 3 });
const student = (userId: number) => ({ userId, canManage: false, isStudent: true });

describe('who may draw on the whiteboard', () => {
  it('nobody draws on a closed board, not even the teacher', () => {
    expect(mayDraw(null, { userId: 1, canManage: true, isStudent: false })).toBe(false);
    expect(mayDraw(null, student(2))).toBe(false);
  });

  it('the teacher and managers always draw on an open board', () => {
    for (const drawers of [{ kind: 'teacher' }, { kind: 'all' }, { kind: 'one', userId: 9 }] as BoardDrawers[]) {
      expect(mayDraw(board(drawers), { userId: 1, canManage: true, isStudent: false })).toBe(true);
    }
  });

  it('students draw when all are allowed, or when they are the one allowed', () => {
    expect(mayDraw(board({ kind: 'teacher' }), student(2))).toBe(false);
    expect(mayDraw(board({ kind: 'all' }), student(2))).toBe(true);
    expect(mayDraw(board({ kind: 'one', userId: 2 }), student(2))).toBe(true);
    expect(mayDraw(board({ kind: 'one', userId: 3 }), student(2))).toBe(false);
  });

  it('parents and observers never draw, whoever the teacher allows', () => {
    fc.assert(
      fc.property(fc.constantFrom<BoardDrawers>({ kind: 'teacher' }, { kind: 'all' }, { kind: 'one', userId: 5 }), (drawers) => {
        expect(mayDraw(board(drawers), { userId: 5, canManage: false, isStudent: false })).toBe(false);
      }),
    );
  });
});

// One edit (id, version, versionNonce) has one content, as in Excalidraw: the content is derived from it.
const element = fc
  .record({ id: fc.constantFrom('a', 'b', 'c', 'd'), version: fc.integer({ min: 1, max: 5 }), versionNonce: fc.integer({ min: 0, max: 3 }) })
  .map((e) => ({ ...e, isDeleted: (e.version + e.versionNonce) % 3 === 0 }));
/** A scene: each id at most once. */
const scene = fc.uniqueArray(element, { selector: (e) => e.id, maxLength: 4 });

describe('merging whiteboard scenes', () => {
  it('an element keeps its newest edit: the higher version, then the lower versionNonce', () => {
    const stored: BoardElement[] = [{ id: 'a', version: 2, versionNonce: 5 }];
    expect(mergeElements(stored, [{ id: 'a', version: 3, versionNonce: 9 }])).toEqual([{ id: 'a', version: 3, versionNonce: 9 }]);
    expect(mergeElements(stored, [{ id: 'a', version: 1, versionNonce: 0 }])).toEqual(stored);
    expect(mergeElements(stored, [{ id: 'a', version: 2, versionNonce: 1 }])).toEqual([{ id: 'a', version: 2, versionNonce: 1 }]);
  });

  it('new elements come after the stored ones, in the order they were sent', () => {
    const merged = mergeElements([{ id: 'a', version: 1, versionNonce: 1 }], [{ id: 'c', version: 1, versionNonce: 1 }, { id: 'b', version: 1, versionNonce: 1 }]);
    expect(merged.map((e) => e.id)).toEqual(['a', 'c', 'b']);
  });

  it('every client reaches the same board whatever order the updates arrive in', () => {
    fc.assert(
      fc.property(scene, scene, scene, (base, x, y) => {
        const xy = mergeElements(mergeElements(base, x), y);
        const yx = mergeElements(mergeElements(base, y), x);
        const byId = (s: BoardElement[]) => Object.fromEntries(s.map((e) => [e.id, e]));
        expect(byId(xy)).toEqual(byId(yx));
      }),
    );
  });

  it('merging is idempotent, keeps every id once and loses no element', () => {
    fc.assert(
      fc.property(scene, scene, (stored, incoming) => {
        const once = mergeElements(stored, incoming);
        expect(mergeElements(once, incoming)).toEqual(once);
        const ids = once.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set([...stored, ...incoming].map((e) => e.id)));
      }),
    );
  });
});

describe('what a drawer sends', () => {
  it('only the elements whose version differs from the last synced one', () => {
    const synced = new Map([['a', 2], ['b', 1]]);
    const elements: BoardElement[] = [
      { id: 'a', version: 2, versionNonce: 0 },
      { id: 'b', version: 2, versionNonce: 0 },
      { id: 'c', version: 1, versionNonce: 0 },
    ];
    expect(changedElements(elements, synced).map((e) => e.id)).toEqual(['b', 'c']);
    expect(changedElements([elements[0]!], synced)).toEqual([]);
  });

  it('counts what is on the board, not what was erased', () => {
    expect(visibleCount([{ isDeleted: false }, { isDeleted: true }, {}])).toBe(2);
  });
});

describe('the whiteboard view in a command', () => {
  it('accepts the three kinds of drawers and refuses anything else', () => {
    expect(isWhiteboardView({ drawers: { kind: 'all' }, sceneVersion: 0 })).toBe(true);
    expect(isWhiteboardView({ drawers: { kind: 'one', userId: 4 }, sceneVersion: 2 })).toBe(true);
    expect(isWhiteboardView({ drawers: { kind: 'one' }, sceneVersion: 2 })).toBe(false);
    expect(isWhiteboardView({ drawers: { kind: 'everyone' }, sceneVersion: 2 })).toBe(false);
    expect(isWhiteboardView({ drawers: { kind: 'all' } })).toBe(false);
    expect(isWhiteboardView(null)).toBe(false);
  });
});
