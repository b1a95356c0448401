/**
 * The shared whiteboard's rules (docs/rules.md#teaching-tools). Pure: the
 * server enforces them, the browser uses the same ones to decide whether
 * the board is editable and what to send.
 *
 * - Who may draw: the teacher and managers always; students when the
 *   teacher lets all of them, or that one student; nobody else.
 * - A scene is a list of Excalidraw elements. Concurrent drawers are merged
 *   element by element: the higher `version` wins, and on equal versions
 *   the lower `versionNonce` (Excalidraw's own tie-break), so every client
 *   and the server arrive at the same board whatever order updates come in.
 */

export type BoardDrawers = { kind: 'teacher' } | { kind: 'all' } | { kind: 'one'; userId: number };

/** What the room state carries; null there = the board is closed. */
export interface WhiteboardView {
  drawers: BoardDrawers;
  /** The scene's version (whiteboards.scene_version): a client behind it refetches the scene. */
  sceneVersion: number;
}

export interface BoardElement {
  id: string;
  version: number;
  versionNonce: number;
  isDeleted?: boolean;
  [field: string]: unknown;
}

/** The stored scene's ceiling (its elements as JSON): a board this large is refused, not truncated. */
export const MAX_SCENE_CHARS = 600_000;
/** The saved image's ceiling (an SVG exported by the teacher's browser). */
export const MAX_IMAGE_CHARS = 900_000;
/** The most elements one update may carry. */
export const MAX_ELEMENTS = 4_000;
/** Browsers send their changes at most this often. */
export const SEND_EVERY_MS = 300;

export interface Drawer {
  userId: number;
  canManage: boolean;
  isStudent: boolean;
}

export function mayDraw(board: WhiteboardView | null, who: Drawer): boolean {
  if (!board) return false;
  if (who.canManage) return true;
  if (!who.isStudent) return false;
  const { drawers } = board;
  return drawers.kind === 'all' || (drawers.kind === 'one' && drawers.userId === who.userId);
}

/** True when `a` should replace `b` (the same element, a newer edit). */
function newer(a: BoardElement, b: BoardElement): boolean {
  return a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce);
}

/** The stored elements with the incoming ones merged in; new elements go last, in their order. */
export function mergeElements(stored: readonly BoardElement[], incoming: readonly BoardElement[]): BoardElement[] {
  const byId = new Map<string, BoardElement>();
  for (const e of incoming) {
    const seen = byId.get(e.id);
    if (!seen || newer(e, seen)) byId.set(e.id, e);
  }
  const merged = stored.map((e) => {
    const other = byId.get(e.id);
    return other && newer(other, e) ? other : e;
  });
  const known = new Set(stored.map((e) => e.id));
  const added = new Set<string>();
  for (const e of incoming) {
    if (known.has(e.id) || added.has(e.id)) continue;
    added.add(e.id);
    merged.push(byId.get(e.id)!);
  }
  return merged;
}

/** The elements whose version differs from what was last sent (or received) for them: what to send next. */
export function changedElements(elements: readonly BoardElement[], synced: ReadonlyMap<string, number>): BoardElement[] {
  return elements.filter((e) => synced.get(e.id) !== e.version);
}

export function visibleCount(elements: readonly Pick<BoardElement, 'isDeleted'>[]): number {
  return elements.filter((e) => !e.isDeleted).length;
}

export function isWhiteboardView(value: unknown): value is WhiteboardView {
  const v = value as Partial<WhiteboardView> | null;
  if (!v || typeof v.sceneVersion !== 'number' || !Number.isSafeInteger(v.sceneVersion) || v.sceneVersion < 0) return false;
  const d = v.drawers as Partial<{ kind: string; userId: unknown }> | undefined;
  if (!d || typeof d !== 'object') return false;
  if (d.kind === 'teacher' || d.kind === 'all') return true;
  return d.kind === 'one' && typeof d.userId === 'number' && Number.isSafeInteger(d.userId) && d.userId > 0;
}
