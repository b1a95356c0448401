/**
 * Creates the rooms of a batch of due sessions in one transaction, for
 * throughput: per-session createMeeting costs a dozen round trips of
 * database work per room, several times LiveKit's own createRoom, and the
 * sweep must keep up with LiveKit (bench/sweep.ts). Here a whole batch costs
 * one lock query, one settings query, one insert and one update.
 *
 * The rooms and rows are exactly createMeeting's — the same building blocks
 * (resolveMeetingOptions, emptyTimeoutSeconds, roomMetadata, roomNameFor),
 * the same `scheduled → ready` transition — and an integration test compares
 * a sweep-made meeting with a createMeeting-made one field by field.
 *
 * Locking: the batch's session rows are taken `FOR UPDATE SKIP LOCKED` and
 * held until the commit; rows another run or a teacher's createMeeting holds
 * are skipped, and every locked row is re-checked against the rule. If the
 * batch's database work fails, nothing of it is stored and its sessions are
 * retried one by one through createMeeting (LiveKit's createRoom is
 * idempotent, so a room made by the failed attempt is simply reused).
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/server/db';
import { meetings, sessions, teacherSettings } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { createMeeting, roomNameFor } from '@/server/modules/meetings';
import { emptyTimeoutSeconds, resolveMeetingOptions, roomMetadata, teacherOptionLayer } from '@/server/modules/meetings/options';
import { creationIneligibility } from '@/server/modules/scheduling';
import { transitionSession } from '@/server/modules/sessions';
import type { Limiter } from './pool';
import { errorMessage, type SweepItem } from './report';
import type { SweepAcademy } from './sweep-academies';

export interface BatchEntry {
  academy: SweepAcademy;
  sessionId: number;
}

/** Calls `report` once per session of the batch with its outcome. */
export async function createBatch(deps: Deps, batch: BatchEntry[], now: Date, livekitCalls: Limiter, report: (item: SweepItem) => void): Promise<void> {
  const livekit = deps.livekit!;
  const byId = new Map(batch.map((e) => [e.sessionId, e]));
  const results = new Map<number, SweepItem>();
  try {
    await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: sessions.id,
          kind: sessions.kind,
          teacherId: sessions.teacherId,
          scheduledAt: sessions.scheduledAt,
          durationMinutes: sessions.durationMinutes,
          status: sessions.status,
          hasMeeting: sql<boolean>`EXISTS (SELECT 1 FROM meetings m WHERE m.session_id = "sessions"."id")`,
        })
        .from(sessions)
        .where(inArray(sessions.id, [...byId.keys()]))
        .for('update', { of: sessions, skipLocked: true });

      const teacherIds = [...new Set(rows.map((r) => r.teacherId))];
      const teachers = teacherIds.length ? await tx.select().from(teacherSettings).where(inArray(teacherSettings.userId, teacherIds)) : [];
      const teacherById = new Map(teachers.map((t) => [t.userId, t]));

      const made: (typeof meetings.$inferInsert)[] = [];
      await Promise.all(
        rows.map(async (row) => {
          const { academy } = byId.get(row.id)!;
          try {
            const verdict = creationIneligibility({
              now,
              timezone: academy.timezone,
              academyActive: academy.active,
              settings: academy.settings,
              session: { scheduledAt: row.scheduledAt, durationMinutes: row.durationMinutes, status: row.status, hasMeeting: Boolean(row.hasMeeting) },
            });
            if (verdict) {
              results.set(row.id, { sessionId: row.id, outcome: 'skipped', reason: verdict });
              return;
            }
            // As createMeeting: defaults → academy → teacher.
            const options = resolveMeetingOptions(
              row.durationMinutes,
              { maxParticipants: academy.settings.defaultMaxParticipants, recordingEnabled: academy.settings.recordingDefault },
              teacherOptionLayer(teacherById.get(row.teacherId)),
            );
            const roomName = roomNameFor(academy.slug, row.kind, row.id);
            const timeout = emptyTimeoutSeconds(row.scheduledAt, row.durationMinutes, now);
            await livekitCalls(() =>
              livekit.createRoom({
                name: roomName,
                emptyTimeoutSeconds: timeout,
                departureTimeoutSeconds: timeout,
                maxParticipants: options.maxParticipants,
                metadata: JSON.stringify(roomMetadata({ createdBy: null, sessionId: row.id, kind: row.kind, recordingEnabled: options.recordingEnabled, now })),
              }),
            );
            made.push({
              academyId: academy.id,
              sessionId: row.id,
              roomName,
              joinUrl: `${deps.appUrl}/room/${row.id}`,
              options: { ...options },
              autoGenerated: true,
              createdBy: null,
              createdAt: now,
              expiresAt: new Date(row.scheduledAt.getTime() + options.maxDurationMinutes * 60_000),
            });
          } catch (error) {
            results.set(row.id, { sessionId: row.id, outcome: 'failed', error: errorMessage(error) });
          }
        }),
      );

      if (made.length) {
        const ids = made.map((m) => m.sessionId);
        await tx.insert(meetings).values(made);
        await transitionSession(tx, ids, 'scheduled', 'ready', { updatedAt: now });
        for (const id of ids) results.set(id, { sessionId: id, outcome: 'created' });
      }
    });
  } catch {
    // Nothing of the batch was stored: each session gets its own try.
    results.clear();
    for (const { sessionId } of batch) {
      results.set(sessionId, await createOneByOne(deps, sessionId, byId.get(sessionId)!.academy, now, livekitCalls));
    }
  }
  for (const { sessionId } of batch) {
    report(results.get(sessionId) ?? { sessionId, outcome: 'skipped', reason: 'locked by another run' });
  }
}

/** The fallback: createMeeting in a transaction that holds the session row (SKIP LOCKED) and re-checks the rule. */
async function createOneByOne(deps: Deps, sessionId: number, academy: SweepAcademy, now: Date, livekitCalls: Limiter): Promise<SweepItem> {
  try {
    return await deps.db.transaction(async (tx): Promise<SweepItem> => {
      const [row] = await tx.execute<{ status: string; scheduled_at: string; duration_minutes: number; has_meeting: boolean }>(sql`
        SELECT s.status, s.scheduled_at, s.duration_minutes,
               EXISTS (SELECT 1 FROM meetings m WHERE m.session_id = s.id) AS has_meeting
        FROM sessions s
        WHERE s.id = ${sessionId}
        FOR UPDATE OF s SKIP LOCKED`);
      if (!row) return { sessionId, outcome: 'skipped', reason: 'locked by another run' };
      const verdict = creationIneligibility({
        now,
        timezone: academy.timezone,
        academyActive: academy.active,
        settings: academy.settings,
        session: { scheduledAt: new Date(row.scheduled_at), durationMinutes: row.duration_minutes, status: row.status, hasMeeting: row.has_meeting },
      });
      if (verdict) return { sessionId, outcome: 'skipped', reason: verdict };
      // Given our transaction, createMeeting's own transaction is a savepoint and its FOR UPDATE re-enters our lock.
      const { created } = await livekitCalls(() =>
        createMeeting({ ...deps, db: tx as unknown as Db }, { sessionId, createdBy: null, autoGenerated: true }),
      );
      return created ? { sessionId, outcome: 'created' } : { sessionId, outcome: 'skipped', reason: 'has_meeting' };
    });
  } catch (error) {
    return { sessionId, outcome: 'failed', error: errorMessage(error) };
  }
}
