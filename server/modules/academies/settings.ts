/**
 * Academy and teacher settings as use cases need them; a missing settings row
 * means "the defaults" (the column defaults of academy_video_settings).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academyVideoSettings, teacherSettings } from '@/server/db/schema';

export type AcademyVideoSettings = typeof academyVideoSettings.$inferSelect;
export type TeacherSettings = typeof teacherSettings.$inferSelect;

export const DEFAULT_ACADEMY_VIDEO_SETTINGS: Omit<AcademyVideoSettings, 'academyId' | 'updatedAt'> = {
  autoCreate: true,
  autoEnd: true,
  minutesBefore: 30,
  windowStart: null,
  windowEnd: null,
  blockedWeekdays: [],
  defaultMaxParticipants: 50,
  recordingAllowed: false,
  recordingDefault: false,
  studentsSeeRecordings: false,
  teachersMayObserve: false,
  studentsTalkBeforeTeacher: false,
  endBufferMinutes: 15,
  studentAbsentBelow: 30,
  studentPartialBelow: 80,
  teacherAbsentBelow: 50,
  teacherPartialBelow: 90,
  lateGraceMinutes: 15,
  reconnectWindowSeconds: 120,
  overtimeMinutes: 60,
  eventRetentionDays: 90,
};

export async function getAcademyVideoSettings(db: DbExecutor, academyId: number): Promise<AcademyVideoSettings> {
  const [row] = await db.select().from(academyVideoSettings).where(eq(academyVideoSettings.academyId, academyId));
  return row ?? { ...DEFAULT_ACADEMY_VIDEO_SETTINGS, academyId, updatedAt: new Date(0) };
}

export async function getTeacherSettings(db: DbExecutor, teacherId: number): Promise<TeacherSettings | null> {
  const [row] = await db.select().from(teacherSettings).where(eq(teacherSettings.userId, teacherId));
  return row ?? null;
}
