/**
 * The one way a command happens: in one transaction the room state changes,
 * the command row is stored with its id and priority, and NOTIFY tells every
 * instance's event streams; after the commit the command goes out as a
 * reliable LiveKit data message on its topic. A data channel that fails
 * loses nothing: the event stream and room.state carry the same facts.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Deps } from '@/server/deps';
import type { Tx } from '@/server/db';
import { notify } from '@/server/db/notify';
import { logger } from '@/server/lib/logger';
import { insertCommand } from './command-store';
import { buildEnvelope, COMMAND_SPECS, encodeEnvelope, type CommandEnvelope, type CommandPayloads, type CommandType } from '@/shared/classroom/envelope';
import { lockRoomState, writeRoomState, type RoomStateChange, type RoomStateRow } from './state-store';

export interface IssueCommandInput<T extends CommandType> {
  academyId: number;
  sessionId: number;
  roomName: string;
  senderId: number | null;
  type: T;
  /** The payload, or how to compute it from the state the change wrote (whiteboard_changed carries the new scene version). */
  payload: CommandPayloads[T] | ((state: RoomStateRow) => CommandPayloads[T]);
  /** Who must acknowledge a critical command; null = nobody in particular. */
  targets: string[] | null;
  /**
   * The state change, computed from the locked current row. It may write rows of its own in the
   * same transaction (the whiteboard's scene) and refuse by throwing, which writes nothing.
   */
  change?: (current: RoomStateRow, tx: Tx) => RoomStateChange | Promise<RoomStateChange>;
}

export interface IssuedCommand {
  envelope: CommandEnvelope;
  state: RoomStateRow;
  /** False when LiveKit did not take the data message; clients still get it from the event stream. */
  delivered: boolean;
}

export async function issueCommand<T extends CommandType>(deps: Pick<Deps, 'db' | 'livekit' | 'clock'>, input: IssueCommandInput<T>): Promise<IssuedCommand> {
  const spec = COMMAND_SPECS[input.type];
  const now = deps.clock.now();
  const { envelope, state } = await deps.db.transaction(async (tx) => {
    const key = { academyId: input.academyId, sessionId: input.sessionId };
    const current = await lockRoomState(tx, key);
    const state = await writeRoomState(tx, current, (await input.change?.(current, tx)) ?? {}, now);
    const payload = typeof input.payload === 'function' ? input.payload(state) : input.payload;
    const row = await insertCommand(tx, {
      ...key,
      id: randomUUID(),
      type: input.type,
      topic: spec.topic,
      payload,
      priority: spec.priority,
      critical: spec.critical,
      senderId: input.senderId,
      targets: spec.critical ? (input.targets ?? []) : input.targets,
      now,
    });
    await notify(tx, { sessionId: input.sessionId, kind: 'command', id: row.id });
    return { envelope: buildEnvelope(input.type, payload, { id: row.id, sentAt: row.createdAt }), state };
  });
  const delivered = await sendEnvelope(deps, input.roomName, envelope);
  return { envelope, state, delivered };
}

export async function sendEnvelope(deps: Pick<Deps, 'livekit'>, roomName: string, envelope: CommandEnvelope, destinationIdentities?: string[]): Promise<boolean> {
  if (!deps.livekit) return false;
  try {
    await deps.livekit.sendData(roomName, encodeEnvelope(envelope), { topic: COMMAND_SPECS[envelope.type].topic, destinationIdentities });
    return true;
  } catch (error) {
    logger.warn('command not sent on the data channel', { roomName, commandId: envelope.id, type: envelope.type, error: String(error) });
    return false;
  }
}
