/** zod inputs of the scheduling procedures; bounded, strict, refusing rather than guessing. */
import 'server-only';
import { z } from 'zod';
import { idInput } from '@/server/lib/schemas';
import { MAX_OCCURRENCES, MAX_SCHEDULED_DURATION_MINUTES } from './weekly-schedule';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a local date 'YYYY-MM-DD'");
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a local time 'HH:MM' (00:00–23:59)");
const title = z.string().trim().min(1).max(200);
const durationMinutes = z.number().int().min(1).max(MAX_SCHEDULED_DURATION_MINUTES);
const kind = z.enum(['quran', 'academic', 'interactive_course']);
const reason = z.string().trim().min(1).max(500);
const academyId = idInput.optional();

const audience = { studentId: idInput.optional(), circleId: idInput.optional(), courseId: idInput.optional() };
type Audience = { studentId?: number; circleId?: number; courseId?: number };
const oneAudience = (v: Audience) => [v.studentId, v.circleId, v.courseId].filter((x) => x !== undefined).length === 1;
const AUDIENCE_MESSAGE = 'Give exactly one of studentId, circleId and courseId';

export const createSessionInput = z
  .object({ academyId, kind, title, teacherId: idInput, ...audience, localDate, localTime, durationMinutes })
  .strict()
  .refine(oneAudience, { message: AUDIENCE_MESSAGE, path: ['studentId'] });
export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const weekdays = z
  .array(z.number().int().min(0).max(6))
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'weekdays must not repeat');

export const createWeeklyScheduleInput = z
  .object({
    academyId,
    kind,
    title,
    teacherId: idInput,
    ...audience,
    /** 0 = Sunday .. 6 = Saturday, in the academy's timezone. */
    weekdays,
    localTime,
    durationMinutes,
    startDate: localDate,
    count: z.number().int().min(1).max(MAX_OCCURRENCES).optional(),
    endDate: localDate.optional(),
  })
  .strict()
  .refine(oneAudience, { message: AUDIENCE_MESSAGE, path: ['studentId'] })
  .refine((v) => (v.count === undefined) !== (v.endDate === undefined), { message: 'Give exactly one of count and endDate', path: ['count'] });
export type CreateWeeklyScheduleInput = z.infer<typeof createWeeklyScheduleInput>;

/** Everything about a session but its time: a change of time is a reschedule (rescheduleSessionInput). */
export const updateSessionInput = z
  .object({ sessionId: idInput, title: title.optional(), teacherId: idInput.optional(), durationMinutes: durationMinutes.optional(), ...audience })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'sessionId'), { message: 'Nothing to change', path: ['sessionId'] })
  .refine((v) => [v.studentId, v.circleId, v.courseId].filter((x) => x !== undefined).length <= 1, { message: 'Give at most one of studentId, circleId and courseId', path: ['studentId'] });
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;

/** A new local date and time in the academy's timezone; a live or finished session cannot move. */
export const rescheduleSessionInput = z.object({ sessionId: idInput, localDate, localTime }).strict();
export type RescheduleSessionInput = z.infer<typeof rescheduleSessionInput>;

export const cancelSessionInput = z.object({ sessionId: idInput, reason }).strict();
export type CancelSessionInput = z.infer<typeof cancelSessionInput>;

export const cancelScheduleInput = z.object({ scheduleId: idInput, reason }).strict();
export type CancelScheduleInput = z.infer<typeof cancelScheduleInput>;

export const scheduleRefInput = z.object({ academyId, scheduleId: idInput }).strict();
export type ScheduleRefInput = z.infer<typeof scheduleRefInput>;

/** Days, time, duration, teacher, title or the last date (or a number of occurrences instead). */
export const updateScheduleInput = z
  .object({
    academyId,
    scheduleId: idInput,
    title: title.optional(),
    teacherId: idInput.optional(),
    weekdays: weekdays.optional(),
    localTime: localTime.optional(),
    durationMinutes: durationMinutes.optional(),
    endDate: localDate.optional(),
    count: z.number().int().min(1).max(MAX_OCCURRENCES).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'scheduleId' && k !== 'academyId'), { message: 'Nothing to change', path: ['scheduleId'] })
  .refine((v) => v.count === undefined || v.endDate === undefined, { message: 'Give at most one of count and endDate', path: ['count'] });
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>;

export const listSchedulesInput = z
  .object({ academyId, limit: z.number().int().min(1).max(100).optional(), cursor: idInput.optional() })
  .strict()
  .optional();
export type ListSchedulesInput = z.infer<typeof listSchedulesInput>;

export const academyScopeInput = z.object({ academyId }).strict().optional();

const percent = z.number().int().min(0).max(100);
export const updateVideoSettingsInput = z
  .object({
    academyId,
    autoCreate: z.boolean().optional(),
    autoEnd: z.boolean().optional(),
    minutesBefore: z.number().int().min(0).max(1440).optional(),
    windowStart: localTime.nullable().optional(),
    windowEnd: localTime.nullable().optional(),
    blockedWeekdays: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'blockedWeekdays must not repeat')
      .optional(),
    defaultMaxParticipants: z.number().int().min(1).max(500).optional(),
    recordingAllowed: z.boolean().optional(),
    recordingDefault: z.boolean().optional(),
    studentsSeeRecordings: z.boolean().optional(),
    teachersMayObserve: z.boolean().optional(),
    endBufferMinutes: z.number().int().min(0).max(1440).optional(),
    studentAbsentBelow: percent.optional(),
    studentPartialBelow: percent.optional(),
    teacherAbsentBelow: percent.optional(),
    teacherPartialBelow: percent.optional(),
    /** null: the academy does not use "late". */
    lateGraceMinutes: z.number().int().min(0).max(240).nullable().optional(),
    reconnectWindowSeconds: z.number().int().min(0).max(3600).optional(),
    overtimeMinutes: z.number().int().min(0).max(1440).optional(),
  })
  .strict();
export type UpdateVideoSettingsInput = z.infer<typeof updateVideoSettingsInput>;

export const teacherScopeInput = z.object({ teacherId: idInput.optional() }).strict().optional();

const quality = z.enum(['low', 'medium', 'high']);
/** null clears a setting back to the academy's (or the default). */
export const updateTeacherSettingsInput = z
  .object({
    teacherId: idInput.optional(),
    maxParticipants: z.number().int().min(1).max(500).nullable().optional(),
    recordingEnabled: z.boolean().nullable().optional(),
    videoQuality: quality.nullable().optional(),
    audioQuality: quality.nullable().optional(),
    screenShare: z.boolean().nullable().optional(),
    chat: z.boolean().nullable().optional(),
    muteOnJoin: z.boolean().nullable().optional(),
    studentsCanPublish: z.boolean().nullable().optional(),
  })
  .strict();
export type UpdateTeacherSettingsInput = z.infer<typeof updateTeacherSettingsInput>;
