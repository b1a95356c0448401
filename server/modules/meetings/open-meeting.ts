/** meeting.create: the session's teacher or one of its academy's managers opens its room, with their requested options. */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { createMeeting } from './create-meeting';
import type { CreateMeetingInput } from './schemas';

export async function openMeeting(deps: Deps, actor: Actor, input: CreateMeetingInput) {
  const { sessionId, ...request } = input;
  const session = await getSessionContextOrThrow(deps.db, actor, sessionId);
  assertCanManage(session);
  const { meeting, created } = await createMeeting(deps, { sessionId, createdBy: actor.id, request });
  return {
    created,
    sessionId: meeting.sessionId,
    roomName: meeting.roomName,
    joinUrl: meeting.joinUrl,
    platform: meeting.platform,
    createdAt: meeting.createdAt,
    expiresAt: meeting.expiresAt,
  };
}
