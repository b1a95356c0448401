/**
 * An academy manager corrects a record's status, with a reason (docs/rules.md#attendance). The
 * override lives in its own columns, which recalculation never writes
 * (record-store.ts upserts only the computed ones), so it survives late
 * webhooks, reconciliation and finalisation; the effective status everywhere
 * is coalesce(override_status, status). Teachers may not override, not even
 * in their own sessions: the record is partly about them.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { attendanceRecords } from '@/server/db/schema';
import type { AttendeeType } from '@/server/db/schema/enums';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { getSessionContextOrThrow } from '@/server/modules/sessions';
import type { AttendanceStatus } from './engine';
import type { OverrideStatusInput } from './schemas';


export interface OverriddenRecord {
  sessionId: number;
  userId: number;
  userType: AttendeeType;
  status: AttendanceStatus;
  computedStatus: AttendanceStatus;
  overrideReason: string;
  overriddenBy: number;
}

export async function overrideAttendanceStatus(deps: Pick<Deps, 'db'>, actor: Actor, input: OverrideStatusInput): Promise<OverriddenRecord> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  if (!isManagerRole(actor.role)) throw new DomainError('FORBIDDEN', 'Only academy admins and supervisors can override attendance');
  const [row] = await deps.db
    .update(attendanceRecords)
    .set({ overrideStatus: input.status, overrideReason: input.reason, overriddenBy: actor.id })
    .where(
      and(
        eq(attendanceRecords.academyId, ctx.session.academyId),
        eq(attendanceRecords.sessionId, ctx.session.id),
        eq(attendanceRecords.userId, input.userId),
      ),
    )
    .returning({
      userType: attendanceRecords.userType,
      computedStatus: attendanceRecords.status,
    });
  if (!row) throw new DomainError('NOT_FOUND', 'No attendance record for this person in this session');
  return {
    sessionId: ctx.session.id,
    userId: input.userId,
    userType: row.userType,
    status: input.status,
    computedStatus: row.computedStatus,
    overrideReason: input.reason,
    overriddenBy: actor.id,
  };
}
