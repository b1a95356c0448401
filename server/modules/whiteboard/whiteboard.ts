/**
 * The shared whiteboard (docs/rules.md#teaching-tools).
 *
 * - Opening, closing and choosing who may draw are the session teacher's or
 *   a manager's (getManagedRoomOrThrow); room_states.whiteboard holds it, so
 *   it reaches everyone as whiteboard_set / whiteboard_closed commands and
 *   late joiners start from it.
 * - Drawing: the teacher and managers, and students the teacher allowed
 *   (mayDraw), checked against the locked room state inside the command's
 *   transaction, so a close or a change of drawer cannot race a stroke.
 * - The scene lives in whiteboards.elements, merged per element
 *   (mergeElements); every change bumps scene_version and goes out as
 *   whiteboard_changed { version } (the elements are too large for a
 *   command), on which clients refetch the scene.
 * - The final board is an SVG the teacher's browser exports when the board
 *   closes or the meeting ends; the session page shows it.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { DbExecutor } from '@/server/db';
import { whiteboards } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { getManagedRoomOrThrow, getViewerRoomOrThrow, issueCommand, readRoomState } from '@/server/modules/controls';
import { assertCanManage, assertCanView, expectedStudentIds, getSessionContextOrThrow } from '@/server/modules/sessions';
import { mayDraw, mergeElements, MAX_SCENE_CHARS, type BoardElement, type WhiteboardView } from '@/shared/classroom/whiteboard';
import type { DrawInput, SaveImageInput, SetWhiteboardInput } from './schemas';

interface Key {
  academyId: number;
  sessionId: number;
}

const byKey = (key: Key) => and(eq(whiteboards.sessionId, key.sessionId), eq(whiteboards.academyId, key.academyId));

async function readBoard(db: DbExecutor, key: Key) {
  const [row] = await db.select().from(whiteboards).where(byKey(key));
  return row ?? null;
}

export async function setWhiteboard(deps: Deps, actor: Actor, input: SetWhiteboardInput): Promise<{ commandId: string; whiteboard: WhiteboardView }> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const { drawers } = input;
  if (drawers.kind === 'one' && !(await expectedStudentIds(deps.db, room.key.sessionId)).includes(drawers.userId)) {
    throw new DomainError('NOT_FOUND', 'No such student in this session');
  }
  let whiteboard: WhiteboardView | null = null;
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'whiteboard_set',
    payload: () => ({ whiteboard: whiteboard! }),
    targets: null,
    change: async (_current, tx) => {
      // The scene survives a close: reopening shows the board as it was left.
      await tx.insert(whiteboards).values({ ...room.key, updatedBy: actor.id }).onConflictDoNothing();
      const board = await readBoard(tx, room.key);
      whiteboard = { drawers, sceneVersion: board!.sceneVersion };
      return { whiteboard };
    },
  });
  return { commandId: issued.envelope.id, whiteboard: whiteboard! };
}

export async function closeWhiteboard(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<{ commandId: string }> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'whiteboard_closed',
    payload: {},
    targets: null,
    change: () => ({ whiteboard: null }),
  });
  return { commandId: issued.envelope.id };
}

export async function drawOnWhiteboard(deps: Deps, actor: Actor, input: DrawInput): Promise<{ version: number }> {
  const room = await getViewerRoomOrThrow(deps, actor, input.sessionId);
  const who = { userId: actor.id, canManage: room.ctx.canManage, isStudent: room.ctx.joinRole === 'student' };
  // Refused before anything is locked or written; checked again on the locked row below.
  const before = await readRoomState(deps.db, room.key);
  if (!who.canManage && !mayDraw(before?.whiteboard ?? null, who)) throw new DomainError('FORBIDDEN', 'The teacher has not let you draw on the board');
  let version = 0;
  await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'whiteboard_changed',
    payload: () => ({ version }),
    targets: null,
    change: async (current, tx) => {
      if (!current.whiteboard) throw new DomainError('PRECONDITION_FAILED', 'The whiteboard is closed');
      if (!mayDraw(current.whiteboard, who)) throw new DomainError('FORBIDDEN', 'The teacher has not let you draw on the board');
      const [board] = await tx.select().from(whiteboards).where(byKey(room.key)).for('update');
      const elements = mergeElements(board?.elements ?? [], input.elements as BoardElement[]);
      if (JSON.stringify(elements).length > MAX_SCENE_CHARS) {
        throw new DomainError('BAD_REQUEST', `The board is full (over ${MAX_SCENE_CHARS / 1000} kB): clear some of it`);
      }
      const [saved] = await tx
        .update(whiteboards)
        .set({ elements, sceneVersion: sql`${whiteboards.sceneVersion} + 1`, updatedBy: actor.id, updatedAt: deps.clock.now() })
        .where(byKey(room.key))
        .returning({ sceneVersion: whiteboards.sceneVersion });
      version = saved!.sceneVersion;
      return { whiteboard: { ...current.whiteboard, sceneVersion: version } };
    },
  });
  return { version };
}

export interface WhiteboardScene {
  open: boolean;
  version: number;
  elements: BoardElement[];
  mayDraw: boolean;
}

/** The current board for anyone who may join the session: a late joiner or a reload starts from it. */
export async function getWhiteboardScene(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<WhiteboardScene> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const key = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
  const [state, board] = await Promise.all([readRoomState(deps.db, key), readBoard(deps.db, key)]);
  const view = state?.whiteboard ?? null;
  return {
    open: view !== null,
    version: board?.sceneVersion ?? 0,
    elements: board?.elements ?? [],
    mayDraw: mayDraw(view, { userId: actor.id, canManage: ctx.canManage, isStudent: ctx.joinRole === 'student' }),
  };
}

/** The final board, saved by the teacher's browser; also after the meeting ended (it is saved as it ends). */
export async function saveWhiteboardImage(deps: Deps, actor: Actor, input: SaveImageInput): Promise<{ savedAt: string }> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const key = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
  const now = deps.clock.now();
  const saved = await deps.db
    .update(whiteboards)
    .set({ imageSvg: input.svg, imageSavedAt: now, imageSavedBy: actor.id })
    .where(byKey(key))
    .returning({ sessionId: whiteboards.sessionId });
  if (saved.length === 0) throw new DomainError('NOT_FOUND', 'This session has no whiteboard');
  return { savedAt: now.toISOString() };
}

/** The saved board for the session page; null when none was saved. */
export async function getWhiteboardImage(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<{ svg: string; savedAt: string } | null> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const board = await readBoard(deps.db, { academyId: ctx.session.academyId, sessionId: ctx.session.id });
  return board?.imageSvg && board.imageSavedAt ? { svg: board.imageSvg, savedAt: board.imageSavedAt.toISOString() } : null;
}
