/**
 * Stops a session's running recording(s) (docs/rules.md#recording). The stored state follows
 * what LiveKit answers (usually "ending"; the egress_ended webhook completes
 * it). An egress LiveKit no longer knows as running is looked up and stored
 * as it really ended, so a lost webhook cannot leave a recording "active".
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { recordings } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { EgressGoneError } from '@/server/livekit/egress';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { saveEgressReport, type Recording } from './recording-store';
import type { StopRecordingInput } from './schemas';
import { requireEgress, withEgress } from './start-recording';

export async function stopRecording(deps: Deps, actor: Actor, input: StopRecordingInput): Promise<{ recordings: Recording[] }> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const egress = requireEgress(deps);
  const running = await deps.db
    .select()
    .from(recordings)
    .where(
      and(
        eq(recordings.sessionId, ctx.session.id),
        inArray(recordings.status, ['starting', 'active']),
        input.recordingId === undefined ? undefined : eq(recordings.id, input.recordingId),
      ),
    );
  if (running.length === 0) throw new DomainError('CONFLICT', 'Nothing is being recorded in this session', { reason: 'recording-not-running' });

  const owner = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
  for (const recording of running) {
    const now = deps.clock.now();
    try {
      const report = await withEgress(() => egress.stop(recording.egressId));
      await saveEgressReport(deps.db, owner, report, { now, stoppedBy: actor.id });
    } catch (error) {
      if (!(error instanceof EgressGoneError)) throw error;
      const [report] = await withEgress(() => egress.list({ egressId: recording.egressId }));
      if (report) await saveEgressReport(deps.db, owner, report, { now, stoppedBy: actor.id });
    }
  }
  const ids = running.map((r) => r.id);
  return { recordings: await deps.db.select().from(recordings).where(inArray(recordings.id, ids)).orderBy(recordings.startedAt) };
}
