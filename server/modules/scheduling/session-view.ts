/** What scheduling returns for a session: the stored UTC instant plus its wall time in the academy. */
import 'server-only';
import type { sessions } from '@/server/db/schema';
import { localParts } from './eligibility';

type SessionRow = typeof sessions.$inferSelect;

const pad = (n: number) => String(n).padStart(2, '0');

export function localDateTime(at: Date, timezone: string): { date: string; time: string; weekday: number } {
  const p = localParts(at, timezone);
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(Math.floor(p.minuteOfDay / 60))}:${pad(p.minuteOfDay % 60)}`,
    weekday: p.weekday,
  };
}

export function sessionView(session: SessionRow, timezone: string) {
  return {
    id: session.id,
    academyId: session.academyId,
    kind: session.kind,
    title: session.title,
    teacherId: session.teacherId,
    studentId: session.studentId,
    circleId: session.circleId,
    courseId: session.courseId,
    scheduledAt: session.scheduledAt,
    durationMinutes: session.durationMinutes,
    status: session.status,
    cancelReason: session.cancelReason,
    scheduleId: session.scheduleId,
    local: { ...localDateTime(session.scheduledAt, timezone), timezone },
  };
}

export type SessionView = ReturnType<typeof sessionView>;
