/**
 * The database itself refuses what the application code only assumed
 * (migration 0002): every cross-tenant reference and every CHECK, tried with
 * raw SQL so no application check stands in front. Each case inserts a row
 * that is accepted (then rolled back), and the same row with one value
 * wrong, which must fail with the named constraint.
 */
import type { PostgresError } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawSqlOf } from '@/server/db/client';
import { createAcademy, createCircle, createCourse, createSession, createUser, linkParent } from '@/server/seed/factories';
import { closeTestDb, testDb } from '@/server/testing/integration';

const db = testDb();
const raw = rawSqlOf(db);

/** A SQL text to splice in as it is (arrays, casts, expressions). */
class Raw {
  constructor(readonly text: string) {}
}
const rawSql = (text: string) => new Raw(text);
type Value = string | number | boolean | null | Raw;

function literal(value: Value): string {
  if (value === null) return 'NULL';
  if (value instanceof Raw) return value.text;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

function insertSql(table: string, row: Record<string, Value>): string {
  const columns = Object.keys(row);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => literal(row[c]!)).join(', ')})`;
}

interface Side {
  academyId: number;
  teacherId: number;
  studentId: number;
  parentId: number;
  circleId: number;
  courseId: number;
  scheduleId: number;
  sessionId: number;
  /** A session without a meeting or room state, for the tables keyed by session. */
  bareSessionId: number;
}
let home: Side;
let away: Side;
let superAdminId: number;

async function side(): Promise<Side> {
  const academy = await createAcademy(db);
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  const student = await createUser(db, { academyId: academy.id, role: 'student' });
  const parent = await createUser(db, { academyId: academy.id, role: 'parent' });
  await linkParent(db, academy.id, parent.id, student.id);
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  const course = await createCourse(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  const [schedule] = await raw.unsafe<{ id: number }[]>(
    insertSql('schedules', {
      academy_id: academy.id,
      kind: 'quran',
      title: 'Weekly',
      teacher_id: teacher.id,
      circle_id: circle.id,
      weekdays: rawSql(`'{1,3}'::smallint[]`),
      local_time: '10:00',
      timezone: 'Asia/Riyadh',
      duration_minutes: 30,
      start_date: '2031-01-05',
      count: 4,
    }) + ' RETURNING id',
  );
  const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
  const bare = await createSession(db, { academyId: academy.id, teacherId: teacher.id, studentId: student.id, scheduledAt: new Date() });
  return {
    academyId: academy.id,
    teacherId: teacher.id,
    studentId: student.id,
    parentId: parent.id,
    circleId: circle.id,
    courseId: course.id,
    scheduleId: schedule!.id,
    sessionId: session.id,
    bareSessionId: bare.id,
  };
}

beforeAll(async () => {
  home = await side();
  away = await side();
  superAdminId = (await createUser(db, { academyId: null, role: 'super_admin' })).id;
});

afterAll(closeTestDb);

interface Case {
  what: string;
  table: string;
  /** An accepted row of `home`. */
  ok: () => Record<string, Value>;
  /** The values that make it wrong. */
  bad: () => Record<string, Value>;
  /** The constraint (or trigger) that must refuse it. */
  constraint: string;
}

let unique = 0;
const tag = () => `${Date.now()}-${(unique += 1)}`;

const rows = {
  user: (): Record<string, Value> => ({ academy_id: home.academyId, email: `u-${tag()}@example.test`, password_hash: 'x', name: 'U', role: 'teacher' }),
  session: (): Record<string, Value> => ({
    academy_id: home.academyId,
    kind: 'quran',
    title: 'S',
    teacher_id: home.teacherId,
    circle_id: home.circleId,
    scheduled_at: rawSql('now()'),
    duration_minutes: 60,
    schedule_id: home.scheduleId,
  }),
  schedule: (): Record<string, Value> => ({
    academy_id: home.academyId,
    kind: 'quran',
    title: 'W',
    teacher_id: home.teacherId,
    circle_id: home.circleId,
    weekdays: rawSql(`'{0,6}'::smallint[]`),
    local_time: '16:30',
    timezone: 'Asia/Riyadh',
    duration_minutes: 45,
    start_date: '2031-01-05',
    count: 3,
    created_by: home.teacherId,
  }),
  meeting: (): Record<string, Value> => ({
    academy_id: home.academyId,
    session_id: home.bareSessionId,
    room_name: `room-${tag()}`,
    join_url: 'http://example.test/room',
    options: rawSql(`'{}'::jsonb`),
    expires_at: rawSql(`now() + interval '1 hour'`),
    created_by: home.teacherId,
  }),
  attendanceEvent: (): Record<string, Value> => ({
    academy_id: home.academyId,
    session_id: home.sessionId,
    user_id: home.studentId,
    kind: 'join',
    participant_sid: `PA_${tag()}`,
    occurred_at: rawSql('now()'),
    source: 'client',
  }),
  attendanceRecord: (): Record<string, Value> => ({
    academy_id: home.academyId,
    session_id: home.sessionId,
    user_id: home.studentId,
    user_type: 'student',
    status: 'present',
    percentage: 83.5,
    total_seconds: 3000,
    join_count: 1,
    leave_count: 1,
    is_final: true,
    in_room: false,
  }),
  command: (): Record<string, Value> => ({
    id: `cmd-${tag()}`,
    academy_id: home.academyId,
    session_id: home.sessionId,
    topic: 'teacher_controls',
    type: 'mute_all',
    payload: rawSql(`'{}'::jsonb`),
    priority: 3,
    sender_id: home.teacherId,
  }),
  roomState: (): Record<string, Value> => ({ session_id: home.bareSessionId, academy_id: home.academyId }),
  whiteboard: (): Record<string, Value> => ({ session_id: home.sessionId, academy_id: home.academyId, updated_by: superAdminId }),
  recording: (): Record<string, Value> => ({
    academy_id: home.academyId,
    session_id: home.sessionId,
    egress_id: `EG_${tag()}`,
    status: 'active',
    started_by: home.teacherId,
    stopped_by: superAdminId,
  }),
  settings: (): Record<string, Value> => ({ academy_id: rawSql(`(SELECT id FROM a)`) }),
  webhook: (): Record<string, Value> => ({ id: `EV_${tag()}`, event: 'room_finished', occurred_at: rawSql('now()'), payload: rawSql(`'{}'::jsonb`) }),
};

/** Cross-tenant references: each names a row of the other academy. */
const CROSS_TENANT: Case[] = [
  { what: "a parent link to another academy's child", table: 'parent_children', ok: () => ({ academy_id: home.academyId, parent_id: home.parentId, child_id: home.teacherId }), bad: () => ({ child_id: away.studentId }), constraint: 'parent_children_child_fk' },
  { what: "a parent link from another academy's parent", table: 'parent_children', ok: () => ({ academy_id: home.academyId, parent_id: home.parentId, child_id: home.teacherId }), bad: () => ({ parent_id: away.parentId }), constraint: 'parent_children_parent_fk' },
  { what: "teacher settings of another academy's teacher", table: 'teacher_settings', ok: () => ({ academy_id: home.academyId, user_id: home.teacherId }), bad: () => ({ user_id: away.teacherId }), constraint: 'teacher_settings_user_fk' },
  { what: "a circle taught by another academy's teacher", table: 'circles', ok: () => ({ academy_id: home.academyId, name: 'C', teacher_id: home.teacherId }), bad: () => ({ teacher_id: away.teacherId }), constraint: 'circles_teacher_fk' },
  { what: "a circle membership in another academy's circle", table: 'circle_members', ok: () => ({ academy_id: home.academyId, circle_id: home.circleId, student_id: home.parentId }), bad: () => ({ circle_id: away.circleId }), constraint: 'circle_members_circle_fk' },
  { what: "a circle membership of another academy's student", table: 'circle_members', ok: () => ({ academy_id: home.academyId, circle_id: home.circleId, student_id: home.parentId }), bad: () => ({ student_id: away.studentId }), constraint: 'circle_members_student_fk' },
  { what: "a course taught by another academy's teacher", table: 'courses', ok: () => ({ academy_id: home.academyId, title: 'C', teacher_id: home.teacherId }), bad: () => ({ teacher_id: away.teacherId }), constraint: 'courses_teacher_fk' },
  { what: "an enrolment in another academy's course", table: 'course_enrollments', ok: () => ({ academy_id: home.academyId, course_id: home.courseId, student_id: home.parentId }), bad: () => ({ course_id: away.courseId }), constraint: 'course_enrollments_course_fk' },
  { what: "an enrolment of another academy's student", table: 'course_enrollments', ok: () => ({ academy_id: home.academyId, course_id: home.courseId, student_id: home.parentId }), bad: () => ({ student_id: away.studentId }), constraint: 'course_enrollments_student_fk' },
  { what: "a session taught by another academy's teacher", table: 'sessions', ok: rows.session, bad: () => ({ teacher_id: away.teacherId }), constraint: 'sessions_teacher_fk' },
  { what: "a lesson for another academy's student", table: 'sessions', ok: rows.session, bad: () => ({ circle_id: null, student_id: away.studentId }), constraint: 'sessions_student_fk' },
  { what: "a session of another academy's circle", table: 'sessions', ok: rows.session, bad: () => ({ circle_id: away.circleId }), constraint: 'sessions_circle_fk' },
  { what: "a session of another academy's course", table: 'sessions', ok: rows.session, bad: () => ({ circle_id: null, kind: 'interactive_course', course_id: away.courseId }), constraint: 'sessions_course_fk' },
  { what: "a session of another academy's schedule", table: 'sessions', ok: rows.session, bad: () => ({ schedule_id: away.scheduleId }), constraint: 'sessions_schedule_fk' },
  { what: 'a session of a schedule that does not exist', table: 'sessions', ok: rows.session, bad: () => ({ schedule_id: 2_000_000_000 }), constraint: 'sessions_schedule_fk' },
  { what: "a schedule taught by another academy's teacher", table: 'schedules', ok: rows.schedule, bad: () => ({ teacher_id: away.teacherId }), constraint: 'schedules_teacher_fk' },
  { what: "a schedule for another academy's student", table: 'schedules', ok: rows.schedule, bad: () => ({ circle_id: null, student_id: away.studentId }), constraint: 'schedules_student_fk' },
  { what: "a schedule of another academy's circle", table: 'schedules', ok: rows.schedule, bad: () => ({ circle_id: away.circleId }), constraint: 'schedules_circle_fk' },
  { what: "a schedule of another academy's course", table: 'schedules', ok: rows.schedule, bad: () => ({ circle_id: null, kind: 'academic', course_id: away.courseId }), constraint: 'schedules_course_fk' },
  { what: "a schedule created by another academy's admin", table: 'schedules', ok: rows.schedule, bad: () => ({ created_by: away.teacherId }), constraint: 'schedules_user_guard' },
  { what: "a meeting of another academy's session", table: 'meetings', ok: rows.meeting, bad: () => ({ session_id: away.bareSessionId }), constraint: 'meetings_session_fk' },
  { what: "a meeting created by another academy's user", table: 'meetings', ok: rows.meeting, bad: () => ({ created_by: away.teacherId }), constraint: 'meetings_user_guard' },
  { what: "an attendance event of another academy's session", table: 'attendance_events', ok: rows.attendanceEvent, bad: () => ({ session_id: away.sessionId }), constraint: 'attendance_events_session_fk' },
  { what: "an attendance event of another academy's user", table: 'attendance_events', ok: rows.attendanceEvent, bad: () => ({ user_id: away.studentId }), constraint: 'attendance_events_user_guard' },
  { what: "an attendance record of another academy's session", table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ session_id: away.sessionId }), constraint: 'attendance_records_session_fk' },
  { what: "an attendance record of another academy's user", table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ user_id: away.studentId }), constraint: 'attendance_records_user_guard' },
  { what: "an attendance override by another academy's admin", table: 'attendance_records', ok: () => ({ ...rows.attendanceRecord(), override_status: 'late', override_reason: 'r', overridden_by: superAdminId }), bad: () => ({ overridden_by: away.teacherId }), constraint: 'attendance_records_user_guard' },
  { what: "a command in another academy's session", table: 'meeting_commands', ok: rows.command, bad: () => ({ session_id: away.sessionId }), constraint: 'meeting_commands_session_fk' },
  { what: "a command sent by another academy's teacher", table: 'meeting_commands', ok: rows.command, bad: () => ({ sender_id: away.teacherId }), constraint: 'meeting_commands_user_guard' },
  { what: "a room state of another academy's session", table: 'room_states', ok: rows.roomState, bad: () => ({ session_id: away.bareSessionId }), constraint: 'room_states_session_fk' },
  { what: "a whiteboard of another academy's session", table: 'whiteboards', ok: rows.whiteboard, bad: () => ({ session_id: away.sessionId }), constraint: 'whiteboards_session_fk' },
  { what: "a whiteboard drawn on by another academy's teacher", table: 'whiteboards', ok: rows.whiteboard, bad: () => ({ updated_by: away.teacherId }), constraint: 'whiteboards_user_guard' },
  { what: "a whiteboard image saved by another academy's teacher", table: 'whiteboards', ok: rows.whiteboard, bad: () => ({ image_saved_by: away.teacherId }), constraint: 'whiteboards_user_guard' },
  { what: "a recording of another academy's session", table: 'recordings', ok: rows.recording, bad: () => ({ session_id: away.sessionId }), constraint: 'recordings_session_fk' },
  { what: "a recording started by another academy's teacher", table: 'recordings', ok: rows.recording, bad: () => ({ started_by: away.teacherId }), constraint: 'recordings_user_guard' },
  { what: "a recording stopped by another academy's teacher", table: 'recordings', ok: rows.recording, bad: () => ({ stopped_by: away.teacherId }), constraint: 'recordings_user_guard' },
];

const settingsRow = () => ({ academy_id: home.academyId });
/** Each CHECK, and each enum column, with a value it must refuse. */
const CHECKS: Case[] = [
  { what: 'a super admin inside an academy', table: 'users', ok: rows.user, bad: () => ({ role: 'super_admin' }), constraint: 'users_platform_role' },
  { what: 'an academy user without an academy', table: 'users', ok: rows.user, bad: () => ({ academy_id: null }), constraint: 'users_platform_role' },
  { what: 'an e-mail stored with capitals', table: 'users', ok: rows.user, bad: () => ({ email: `Mixed-${tag()}@Example.test` }), constraint: 'users_email_lower_case' },
  { what: 'a role that is not one', table: 'users', ok: rows.user, bad: () => ({ role: 'admin' }), constraint: 'enum user_role' },
  { what: 'a parent of themself', table: 'parent_children', ok: () => ({ academy_id: home.academyId, parent_id: home.parentId, child_id: home.teacherId }), bad: () => ({ child_id: home.parentId }), constraint: 'parent_children_not_self' },
  { what: 'teacher settings for 0 participants', table: 'teacher_settings', ok: () => ({ academy_id: home.academyId, user_id: home.teacherId, max_participants: 500 }), bad: () => ({ max_participants: 0 }), constraint: 'teacher_settings_max_participants' },
  { what: 'a video quality that is not one', table: 'teacher_settings', ok: () => ({ academy_id: home.academyId, user_id: home.teacherId, video_quality: 'high' }), bad: () => ({ video_quality: 'ultra' }), constraint: 'teacher_settings_video_quality' },
  { what: 'an audio quality that is not one', table: 'teacher_settings', ok: () => ({ academy_id: home.academyId, user_id: home.teacherId, audio_quality: 'low' }), bad: () => ({ audio_quality: 'HIGH' }), constraint: 'teacher_settings_audio_quality' },
  { what: 'a session without an audience', table: 'sessions', ok: rows.session, bad: () => ({ circle_id: null }), constraint: 'sessions_one_audience' },
  { what: 'a session with two audiences', table: 'sessions', ok: rows.session, bad: () => ({ student_id: home.studentId }), constraint: 'sessions_one_audience' },
  { what: 'an interactive course session for a circle', table: 'sessions', ok: rows.session, bad: () => ({ kind: 'interactive_course' }), constraint: 'sessions_one_audience' },
  { what: 'a Quran session for a course', table: 'sessions', ok: rows.session, bad: () => ({ circle_id: null, course_id: home.courseId }), constraint: 'sessions_one_audience' },
  { what: 'a session of 0 minutes', table: 'sessions', ok: rows.session, bad: () => ({ duration_minutes: 0 }), constraint: 'sessions_duration_positive' },
  { what: 'a session status that is not one', table: 'sessions', ok: rows.session, bad: () => ({ status: 'done' }), constraint: 'enum session_status' },
  { what: 'a session kind that is not one', table: 'sessions', ok: rows.session, bad: () => ({ kind: 'tajweed' }), constraint: 'enum session_kind' },
  { what: 'a schedule without an audience', table: 'schedules', ok: rows.schedule, bad: () => ({ circle_id: null }), constraint: 'schedules_one_audience' },
  { what: 'a schedule on weekday 7', table: 'schedules', ok: rows.schedule, bad: () => ({ weekdays: rawSql(`'{1,7}'::smallint[]`) }), constraint: 'schedules_weekdays' },
  { what: 'a schedule on no weekday', table: 'schedules', ok: rows.schedule, bad: () => ({ weekdays: rawSql(`'{}'::smallint[]`) }), constraint: 'schedules_weekdays' },
  { what: 'a schedule at 24:00', table: 'schedules', ok: rows.schedule, bad: () => ({ local_time: '24:00' }), constraint: 'schedules_local_time' },
  { what: 'a schedule of 0 minutes', table: 'schedules', ok: rows.schedule, bad: () => ({ duration_minutes: 0 }), constraint: 'schedules_duration' },
  { what: 'a schedule starting on no date', table: 'schedules', ok: rows.schedule, bad: () => ({ start_date: 'Sunday' }), constraint: 'schedules_start_date' },
  { what: 'a schedule ending on no date', table: 'schedules', ok: () => ({ ...rows.schedule(), count: null, end_date: '2031-03-01' }), bad: () => ({ end_date: '1/3/2031' }), constraint: 'schedules_end_date' },
  { what: 'a schedule with both a count and an end date', table: 'schedules', ok: rows.schedule, bad: () => ({ end_date: '2031-03-01' }), constraint: 'schedules_count_or_end_date' },
  { what: 'a schedule with neither a count nor an end date', table: 'schedules', ok: rows.schedule, bad: () => ({ count: null }), constraint: 'schedules_count_or_end_date' },
  { what: 'a schedule of 0 occurrences', table: 'schedules', ok: rows.schedule, bad: () => ({ count: 0 }), constraint: 'schedules_count_or_end_date' },
  { what: 'a meeting on another platform', table: 'meetings', ok: rows.meeting, bad: () => ({ platform: 'zoom' }), constraint: 'meetings_platform' },
  { what: 'an attendance event that is neither join nor leave', table: 'attendance_events', ok: rows.attendanceEvent, bad: () => ({ kind: 'enter' }), constraint: 'attendance_events_kind' },
  { what: 'an attendance event from nowhere', table: 'attendance_events', ok: rows.attendanceEvent, bad: () => ({ source: 'manual' }), constraint: 'attendance_events_source' },
  { what: 'an attendance of 100.01%', table: 'attendance_records', ok: () => ({ ...rows.attendanceRecord(), percentage: 100 }), bad: () => ({ percentage: 100.01 }), constraint: 'attendance_records_percentage' },
  { what: 'an attendance of -1%', table: 'attendance_records', ok: () => ({ ...rows.attendanceRecord(), percentage: 0 }), bad: () => ({ percentage: -1 }), constraint: 'attendance_records_percentage' },
  { what: 'negative seconds attended', table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ total_seconds: -1 }), constraint: 'attendance_records_counts' },
  { what: 'a negative join count', table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ join_count: -1 }), constraint: 'attendance_records_counts' },
  { what: 'a negative leave count', table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ leave_count: -1 }), constraint: 'attendance_records_counts' },
  { what: 'a final record still in the room', table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ in_room: true }), constraint: 'attendance_records_final_not_in_room' },
  { what: 'an override without a reason', table: 'attendance_records', ok: () => ({ ...rows.attendanceRecord(), override_status: 'late', override_reason: 'came late' }), bad: () => ({ override_reason: null }), constraint: 'attendance_records_override_reason' },
  { what: 'an attendance status that is not one', table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ status: 'excused' }), constraint: 'enum attendance_status' },
  { what: 'an attendee type that is not one', table: 'attendance_records', ok: rows.attendanceRecord, bad: () => ({ user_type: 'admin' }), constraint: 'enum attendee_type' },
  { what: 'a webhook flag that is not one', table: 'webhook_events', ok: () => ({ ...rows.webhook(), flag: 'unknown_room' }), bad: () => ({ flag: 'weird' }), constraint: 'webhook_events_flag' },
  { what: 'a webhook that cannot apply without its reason', table: 'webhook_events', ok: () => ({ ...rows.webhook(), flag: 'cannot_apply', problem: 'why' }), bad: () => ({ problem: null }), constraint: 'webhook_events_problem_iff_cannot_apply' },
  { what: 'a webhook problem without the flag', table: 'webhook_events', ok: rows.webhook, bad: () => ({ problem: 'why' }), constraint: 'webhook_events_problem_iff_cannot_apply' },
  { what: 'a command of priority 4', table: 'meeting_commands', ok: rows.command, bad: () => ({ priority: 4 }), constraint: 'meeting_commands_priority' },
  { what: 'a command on no topic', table: 'meeting_commands', ok: rows.command, bad: () => ({ topic: 'gossip' }), constraint: 'meeting_commands_topic' },
  { what: 'a command of no type', table: 'meeting_commands', ok: rows.command, bad: () => ({ type: 'self_destruct' }), constraint: 'meeting_commands_type' },
  { what: 'a command sent -1 times', table: 'meeting_commands', ok: rows.command, bad: () => ({ attempts: -1 }), constraint: 'meeting_commands_attempts' },
  { what: 'a room state of version -1', table: 'room_states', ok: rows.roomState, bad: () => ({ version: -1 }), constraint: 'room_states_version' },
  { what: 'a recording status that is not one', table: 'recordings', ok: rows.recording, bad: () => ({ status: 'paused' }), constraint: 'recordings_status' },
  { what: 'a recording in no layout', table: 'recordings', ok: () => ({ ...rows.recording(), layout: 'grid' }), bad: () => ({ layout: 'mosaic' }), constraint: 'recordings_layout' },
  { what: 'a recording of negative progress', table: 'recordings', ok: rows.recording, bad: () => ({ progress: -1 }), constraint: 'recordings_progress' },
  { what: 'a recording of negative size', table: 'recordings', ok: () => ({ ...rows.recording(), size_bytes: 10 }), bad: () => ({ size_bytes: -10 }), constraint: 'recordings_sizes' },
  { what: 'a rate-limit counter below zero', table: 'rate_limits', ok: () => ({ key: `k-${tag()}`, window_start: rawSql('now()'), count: 0 }), bad: () => ({ count: -1 }), constraint: 'rate_limits_count' },
  { what: 'a sweep run of no job', table: 'sweep_runs', ok: () => ({ job: 'cleanup-expired', dry_run: true, started_at: rawSql('now()'), finished_at: rawSql('now()'), report: rawSql(`'{}'::jsonb`) }), bad: () => ({ job: 'cleanup' }), constraint: 'sweep_runs_job' },
  ...(
    [
      ['minutes before of 1441', { minutes_before: 1441 }, 'academy_video_settings_minutes_before'],
      ['a window starting at 25:00', { window_start: '25:00' }, 'academy_video_settings_window_start'],
      ['a window ending at 9:00', { window_end: '9:00' }, 'academy_video_settings_window_end'],
      ['weekday 7 blocked', { blocked_weekdays: rawSql(`'{7}'::smallint[]`) }, 'academy_video_settings_blocked_weekdays'],
      ['0 participants', { default_max_participants: 0 }, 'academy_video_settings_max_participants'],
      ['an end buffer of -1', { end_buffer_minutes: -1 }, 'academy_video_settings_end_buffer'],
      ['a student absent threshold above the partial one', { student_absent_below: 90, student_partial_below: 80 }, 'academy_video_settings_student_thresholds'],
      ['a student partial threshold of 101', { student_partial_below: 101 }, 'academy_video_settings_student_thresholds'],
      ['a teacher absent threshold of -1', { teacher_absent_below: -1 }, 'academy_video_settings_teacher_thresholds'],
      ['a teacher absent threshold above the partial one', { teacher_absent_below: 95, teacher_partial_below: 90 }, 'academy_video_settings_teacher_thresholds'],
      ['a late grace of 241 minutes', { late_grace_minutes: 241 }, 'academy_video_settings_late_grace'],
      ['a reconnect window of 3601 s', { reconnect_window_seconds: 3601 }, 'academy_video_settings_reconnect_window'],
      ['an overtime of -1', { overtime_minutes: -1 }, 'academy_video_settings_overtime'],
    ] as [string, Record<string, Value>, string][]
  ).map(([what, bad, constraint]): Case => ({ what: `video settings with ${what}`, table: 'academy_video_settings', ok: settingsRow, bad: () => bad, constraint })),
];

class RolledBack extends Error {}

/** Runs `text` in a transaction that is always rolled back: the database's answer without a trace. */
async function attempt(text: string): Promise<PostgresError | null> {
  try {
    await raw.begin(async (tx) => {
      // academy_video_settings rows are one per academy: a fresh academy to hang one on.
      await tx.unsafe(`CREATE TEMP TABLE a ON COMMIT DROP AS WITH x AS (INSERT INTO academies (slug, name_ar, name_en, timezone) VALUES ('t-${tag()}', 'ا', 'A', 'UTC') RETURNING id) SELECT id FROM x`);
      await tx.unsafe(text);
      throw new RolledBack();
    });
  } catch (error) {
    if (error instanceof RolledBack) return null;
    return error as PostgresError;
  }
  return null;
}

function constraintOf(error: PostgresError): string {
  // An enum's refusal (22P02) names no constraint: name it by its type, as the cases do.
  if (error.code === '22P02') return `enum ${/enum (\w+)/.exec(error.message)?.[1] ?? '?'}`;
  return error.constraint_name ?? `no constraint (${error.code}: ${error.message})`;
}

function run(cases: Case[], code: (c: Case) => string[]) {
  it.each(cases)('$table: $what → $constraint', async (c) => {
    const ok = c.table === 'academy_video_settings' ? { academy_id: rawSql('(SELECT id FROM a)') } : c.ok();
    const accepted = await attempt(insertSql(c.table, ok));
    expect(accepted, `the valid row is accepted: ${accepted?.message}`).toBeNull();
    const refused = await attempt(insertSql(c.table, { ...ok, ...c.bad() }));
    expect(refused, 'the database refuses the row').not.toBeNull();
    expect(constraintOf(refused!)).toBe(c.constraint);
    expect(code(c)).toContain(refused!.code);
  });
}

describe(`cross-tenant rows are refused by the database (${CROSS_TENANT.length} cases)`, () => {
  // 23503 foreign_key_violation, from a composite foreign key or from academy_user_guard.
  run(CROSS_TENANT, () => ['23503']);

  it('lets a platform user (the super admin) act in any academy where a person is named', async () => {
    for (const row of [
      { ...rows.attendanceEvent(), user_id: superAdminId },
      { ...rows.meeting(), created_by: superAdminId },
      { ...rows.schedule(), created_by: superAdminId },
      { ...rows.command(), sender_id: superAdminId },
    ]) {
      const table = 'kind' in row && 'participant_sid' in row ? 'attendance_events' : 'room_name' in row ? 'meetings' : 'weekdays' in row ? 'schedules' : 'meeting_commands';
      expect(await attempt(insertSql(table, row))).toBeNull();
    }
  });

  it('refuses moving an existing row to another academy’s person (the guard runs on update too)', async () => {
    const row = rows.attendanceEvent();
    const error = await attempt(`${insertSql('attendance_events', row)}; UPDATE attendance_events SET user_id = ${away.studentId} WHERE participant_sid = ${literal(row.participant_sid!)}`);
    expect(error?.constraint_name).toBe('attendance_events_user_guard');
  });
});

describe(`CHECKs and enums are enforced by the database (${CHECKS.length} cases)`, () => {
  // 23514 check_violation; 22P02 an enum's invalid input.
  run(CHECKS, () => ['23514', '22P02']);

  it('attendance_records has a primary key: one record per (session, user)', async () => {
    const insert = insertSql('attendance_records', rows.attendanceRecord());
    const error = await attempt(`${insert}; ${insert}`);
    expect(error?.code).toBe('23505');
    expect(error?.constraint_name).toBe('attendance_records_pkey');
    const [pk] = await raw<{ columns: string[] }[]>`
      SELECT array_agg(a.attname::text ORDER BY a.attnum) AS columns FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.conname = 'attendance_records_pkey' AND c.contype = 'p'`;
    expect(pk?.columns).toEqual(['session_id', 'user_id']);
  });
});
