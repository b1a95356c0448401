/**
 * A client's acknowledgement of a critical command (docs/rules.md#classroom-controls). The identity
 * is the actor's own, computed here: a client cannot ack for someone else.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { participantIdentity } from '@/shared/classroom/identity';
import { assertCanView, getSessionContextOrThrow } from '@/server/modules/sessions';
import { findCommand, recordAck } from './command-store';

export async function acknowledgeCommand(deps: Deps, actor: Actor, input: { sessionId: number; commandId: string }): Promise<{ recorded: boolean }> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const command = await findCommand(deps.db, { academyId: ctx.session.academyId, sessionId: ctx.session.id, id: input.commandId });
  if (!command) throw new DomainError('NOT_FOUND', 'No such command in this session');
  // Only critical commands are tracked; acking another is harmless and stores nothing.
  if (!command.critical) return { recorded: false };
  const recorded = await recordAck(deps.db, { commandId: command.id, identity: participantIdentity(actor.id, actor.name), now: deps.clock.now() });
  return { recorded };
}
