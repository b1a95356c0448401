/**
 * Repairs what webhooks missed (docs/rules.md#attendance; LiveKit drops webhooks under backlog
 * and after a few failed tries): compares the open connections in our event
 * log with LiveKit's live participant list. A participant LiveKit has and we
 * never saw join gets a join at its real joinedAt; a connection we think is
 * open but LiveKit no longer has gets a leave at the last moment we know it
 * was there — the previous reconciliation (which saw it) or its join — so
 * repairs never invent attendance.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { meetings, users } from '@/server/db/schema';
import { videoUnavailableError } from '@/server/lib/domain-error';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import { transitionSession } from '@/server/modules/sessions';
import { appendAttendanceEvent } from './event-log';
import { getSessionInfo, lockAttendancePair, recomputeRecord } from './record-store';

export interface ReconcileResult {
  sessionId: number;
  joinsAdded: number;
  leavesAdded: number;
}

interface Repair {
  userId: number;
  kind: 'join' | 'leave';
  participantSid: string;
  at: Date;
}

export async function reconcileMeeting(deps: Deps, input: { sessionId: number; dryRun?: boolean }): Promise<ReconcileResult> {
  if (!deps.livekit) throw videoUnavailableError(deps.videoUnavailableReason);
  const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.sessionId, input.sessionId));
  if (!meeting || meeting.endedAt) return { sessionId: input.sessionId, joinsAdded: 0, leavesAdded: 0 };
  const now = deps.clock.now();

  // LiveKit first: if it is unreachable we change nothing.
  const live = (await deps.livekit.listParticipants(meeting.roomName)).filter((p) => !p.hidden);
  const claimed = [...new Set(live.map((p) => userIdFromIdentity(p.identity)).filter((id): id is number => id !== null))];
  const known = claimed.length
    ? await deps.db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, claimed), sql`(${users.academyId} = ${meeting.academyId} OR ${users.academyId} IS NULL)`))
    : [];
  const knownIds = new Set(known.map((u) => u.id));

  const connections = await deps.db.execute<{ user_id: number; participant_sid: string; joined: Date | null; left: Date | null }>(sql`
    SELECT user_id, participant_sid,
      min(occurred_at) FILTER (WHERE kind = 'join') AS joined,
      min(occurred_at) FILTER (WHERE kind = 'leave') AS left
    FROM attendance_events WHERE session_id = ${input.sessionId}
    GROUP BY user_id, participant_sid`);
  const bySid = new Map(connections.map((c) => [c.participant_sid, c]));
  const liveSids = new Set(live.map((p) => p.sid));

  const repairs: Repair[] = [];
  for (const p of live) {
    const userId = userIdFromIdentity(p.identity);
    if (userId === null || !knownIds.has(userId) || bySid.get(p.sid)?.joined) continue;
    repairs.push({ userId, kind: 'join', participantSid: p.sid, at: p.joinedAt });
  }
  for (const c of connections) {
    if (!c.joined || c.left || liveSids.has(c.participant_sid)) continue;
    const joined = new Date(c.joined);
    const lastSeen = meeting.lastReconciledAt && meeting.lastReconciledAt > joined ? meeting.lastReconciledAt : joined;
    repairs.push({ userId: c.user_id, kind: 'leave', participantSid: c.participant_sid, at: lastSeen });
  }

  const result = {
    sessionId: input.sessionId,
    joinsAdded: repairs.filter((r) => r.kind === 'join').length,
    leavesAdded: repairs.filter((r) => r.kind === 'leave').length,
  };
  if (input.dryRun) return result;

  await deps.db.transaction(async (tx) => {
    const affected = [...new Set(repairs.map((r) => r.userId))].sort((a, b) => a - b);
    for (const userId of affected) await lockAttendancePair(tx, input.sessionId, userId);
    await appendAttendanceEvent(
      tx,
      repairs.map((r) => ({
        academyId: meeting.academyId,
        sessionId: input.sessionId,
        userId: r.userId,
        kind: r.kind,
        participantSid: r.participantSid,
        occurredAt: r.at,
        source: 'reconcile' as const,
        sourceEventId: `reconcile-${r.kind}:${input.sessionId}:${r.participantSid}`,
      })),
    );
    if (live.length > 0) {
      // The join webhook that would have made the session ongoing may be the one that was lost.
      await transitionSession(tx, input.sessionId, 'ready', 'ongoing', { startedAt: now, updatedAt: now });
    }
    await tx.update(meetings).set({ lastReconciledAt: now }).where(eq(meetings.id, meeting.id));
    const info = (await getSessionInfo(tx, input.sessionId))!;
    for (const userId of affected) await recomputeRecord(tx, info, userId, { now });
  });
  return result;
}
