-- Tenancy and integrity (issue 15). Every constraint below is verified against
-- the rows already stored before it is added: a violation stops the migration
-- with the constraint's name, how many rows break it and a few of their keys,
-- instead of PostgreSQL's first-row error (or a silent NOT VALID).
CREATE FUNCTION pg_temp.verify_before(constraint_name text, violations text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  n bigint;
  sample text;
BEGIN
  EXECUTE format('SELECT count(*), string_agg(v::text, %L) FROM (SELECT * FROM (%s) q LIMIT 5) v', '; ', violations) INTO n, sample;
  IF n > 0 THEN
    EXECUTE format('SELECT count(*) FROM (%s) q', violations) INTO n;
    RAISE EXCEPTION 'cannot add %: % existing row(s) break it, e.g. %', constraint_name, n, sample
      USING HINT = 'Fix or remove these rows, then run the migrations again.';
  END IF;
END
$fn$;
--> statement-breakpoint
ALTER TABLE "parent_children" DROP CONSTRAINT "parent_children_parent_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "parent_children" DROP CONSTRAINT "parent_children_child_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "teacher_settings" DROP CONSTRAINT "teacher_settings_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "circle_members" DROP CONSTRAINT "circle_members_circle_id_circles_id_fk";
--> statement-breakpoint
ALTER TABLE "circle_members" DROP CONSTRAINT "circle_members_student_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "circles" DROP CONSTRAINT "circles_teacher_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "course_enrollments" DROP CONSTRAINT "course_enrollments_course_id_courses_id_fk";
--> statement-breakpoint
ALTER TABLE "course_enrollments" DROP CONSTRAINT "course_enrollments_student_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "courses" DROP CONSTRAINT "courses_teacher_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_teacher_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_student_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_circle_id_circles_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_course_id_courses_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "attendance_events" DROP CONSTRAINT "attendance_events_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "attendance_records" DROP CONSTRAINT "attendance_records_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "schedules" DROP CONSTRAINT "schedules_teacher_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "schedules" DROP CONSTRAINT "schedules_student_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "schedules" DROP CONSTRAINT "schedules_circle_id_circles_id_fk";
--> statement-breakpoint
ALTER TABLE "schedules" DROP CONSTRAINT "schedules_course_id_courses_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_commands" DROP CONSTRAINT "meeting_commands_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "room_states" DROP CONSTRAINT "room_states_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "recordings" DROP CONSTRAINT "recordings_session_id_sessions_id_fk";
--> statement-breakpoint
DROP INDEX "attendance_records_session_user_uq";
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "problem" text;
--> statement-breakpoint
SELECT pg_temp.verify_before('users_academy_id_id_uq', $q$SELECT academy_id, id, count(*) AS copies FROM users GROUP BY academy_id, id HAVING count(*) > 1$q$);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_academy_id_id_uq" UNIQUE("academy_id","id");
--> statement-breakpoint
SELECT pg_temp.verify_before('circles_academy_id_id_uq', $q$SELECT academy_id, id, count(*) AS copies FROM circles GROUP BY academy_id, id HAVING count(*) > 1$q$);
--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_academy_id_id_uq" UNIQUE("academy_id","id");
--> statement-breakpoint
SELECT pg_temp.verify_before('courses_academy_id_id_uq', $q$SELECT academy_id, id, count(*) AS copies FROM courses GROUP BY academy_id, id HAVING count(*) > 1$q$);
--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_academy_id_id_uq" UNIQUE("academy_id","id");
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_academy_id_id_uq', $q$SELECT academy_id, id, count(*) AS copies FROM sessions GROUP BY academy_id, id HAVING count(*) > 1$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_academy_id_id_uq" UNIQUE("academy_id","id");
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_academy_id_id_uq', $q$SELECT academy_id, id, count(*) AS copies FROM schedules GROUP BY academy_id, id HAVING count(*) > 1$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_academy_id_id_uq" UNIQUE("academy_id","id");
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_pkey', $q$SELECT session_id, user_id, count(*) AS copies FROM attendance_records GROUP BY session_id, user_id HAVING count(*) > 1$q$);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_pkey" PRIMARY KEY("session_id","user_id");
--> statement-breakpoint
SELECT pg_temp.verify_before('parent_children_parent_fk', $q$SELECT t.parent_id, t.child_id, t.academy_id FROM parent_children t WHERE t.academy_id IS NOT NULL AND t.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.parent_id)$q$);
--> statement-breakpoint
ALTER TABLE "parent_children" ADD CONSTRAINT "parent_children_parent_fk" FOREIGN KEY ("academy_id","parent_id") REFERENCES "public"."users"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('parent_children_child_fk', $q$SELECT t.parent_id, t.child_id, t.academy_id FROM parent_children t WHERE t.academy_id IS NOT NULL AND t.child_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.child_id)$q$);
--> statement-breakpoint
ALTER TABLE "parent_children" ADD CONSTRAINT "parent_children_child_fk" FOREIGN KEY ("academy_id","child_id") REFERENCES "public"."users"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('teacher_settings_user_fk', $q$SELECT t.user_id, t.academy_id FROM teacher_settings t WHERE t.academy_id IS NOT NULL AND t.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.user_id)$q$);
--> statement-breakpoint
ALTER TABLE "teacher_settings" ADD CONSTRAINT "teacher_settings_user_fk" FOREIGN KEY ("academy_id","user_id") REFERENCES "public"."users"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('circle_members_circle_fk', $q$SELECT t.circle_id, t.student_id, t.academy_id FROM circle_members t WHERE t.academy_id IS NOT NULL AND t.circle_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM circles r WHERE r.academy_id = t.academy_id AND r.id = t.circle_id)$q$);
--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_circle_fk" FOREIGN KEY ("academy_id","circle_id") REFERENCES "public"."circles"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('circle_members_student_fk', $q$SELECT t.circle_id, t.student_id, t.academy_id FROM circle_members t WHERE t.academy_id IS NOT NULL AND t.student_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.student_id)$q$);
--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_student_fk" FOREIGN KEY ("academy_id","student_id") REFERENCES "public"."users"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('circles_teacher_fk', $q$SELECT t.id, t.academy_id, t.teacher_id FROM circles t WHERE t.academy_id IS NOT NULL AND t.teacher_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.teacher_id)$q$);
--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_teacher_fk" FOREIGN KEY ("academy_id","teacher_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('course_enrollments_course_fk', $q$SELECT t.course_id, t.student_id, t.academy_id FROM course_enrollments t WHERE t.academy_id IS NOT NULL AND t.course_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM courses r WHERE r.academy_id = t.academy_id AND r.id = t.course_id)$q$);
--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_course_fk" FOREIGN KEY ("academy_id","course_id") REFERENCES "public"."courses"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('course_enrollments_student_fk', $q$SELECT t.course_id, t.student_id, t.academy_id FROM course_enrollments t WHERE t.academy_id IS NOT NULL AND t.student_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.student_id)$q$);
--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_student_fk" FOREIGN KEY ("academy_id","student_id") REFERENCES "public"."users"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('courses_teacher_fk', $q$SELECT t.id, t.academy_id, t.teacher_id FROM courses t WHERE t.academy_id IS NOT NULL AND t.teacher_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.teacher_id)$q$);
--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_teacher_fk" FOREIGN KEY ("academy_id","teacher_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_teacher_fk', $q$SELECT t.id, t.academy_id, t.teacher_id FROM sessions t WHERE t.academy_id IS NOT NULL AND t.teacher_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.teacher_id)$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_teacher_fk" FOREIGN KEY ("academy_id","teacher_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_student_fk', $q$SELECT t.id, t.academy_id, t.student_id FROM sessions t WHERE t.academy_id IS NOT NULL AND t.student_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.student_id)$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_student_fk" FOREIGN KEY ("academy_id","student_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_circle_fk', $q$SELECT t.id, t.academy_id, t.circle_id FROM sessions t WHERE t.academy_id IS NOT NULL AND t.circle_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM circles r WHERE r.academy_id = t.academy_id AND r.id = t.circle_id)$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_circle_fk" FOREIGN KEY ("academy_id","circle_id") REFERENCES "public"."circles"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_course_fk', $q$SELECT t.id, t.academy_id, t.course_id FROM sessions t WHERE t.academy_id IS NOT NULL AND t.course_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM courses r WHERE r.academy_id = t.academy_id AND r.id = t.course_id)$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_course_fk" FOREIGN KEY ("academy_id","course_id") REFERENCES "public"."courses"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_schedule_fk', $q$SELECT t.id, t.academy_id, t.schedule_id FROM sessions t WHERE t.academy_id IS NOT NULL AND t.schedule_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM schedules r WHERE r.academy_id = t.academy_id AND r.id = t.schedule_id)$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_schedule_fk" FOREIGN KEY ("academy_id","schedule_id") REFERENCES "public"."schedules"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('meetings_session_fk', $q$SELECT t.id, t.academy_id, t.session_id FROM meetings t WHERE t.academy_id IS NOT NULL AND t.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions r WHERE r.academy_id = t.academy_id AND r.id = t.session_id)$q$);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_events_session_fk', $q$SELECT t.id, t.academy_id, t.session_id FROM attendance_events t WHERE t.academy_id IS NOT NULL AND t.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions r WHERE r.academy_id = t.academy_id AND r.id = t.session_id)$q$);
--> statement-breakpoint
ALTER TABLE "attendance_events" ADD CONSTRAINT "attendance_events_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_session_fk', $q$SELECT t.session_id, t.user_id, t.academy_id FROM attendance_records t WHERE t.academy_id IS NOT NULL AND t.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions r WHERE r.academy_id = t.academy_id AND r.id = t.session_id)$q$);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_teacher_fk', $q$SELECT t.id, t.academy_id, t.teacher_id FROM schedules t WHERE t.academy_id IS NOT NULL AND t.teacher_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.teacher_id)$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_teacher_fk" FOREIGN KEY ("academy_id","teacher_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_student_fk', $q$SELECT t.id, t.academy_id, t.student_id FROM schedules t WHERE t.academy_id IS NOT NULL AND t.student_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users r WHERE r.academy_id = t.academy_id AND r.id = t.student_id)$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_student_fk" FOREIGN KEY ("academy_id","student_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_circle_fk', $q$SELECT t.id, t.academy_id, t.circle_id FROM schedules t WHERE t.academy_id IS NOT NULL AND t.circle_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM circles r WHERE r.academy_id = t.academy_id AND r.id = t.circle_id)$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_circle_fk" FOREIGN KEY ("academy_id","circle_id") REFERENCES "public"."circles"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_course_fk', $q$SELECT t.id, t.academy_id, t.course_id FROM schedules t WHERE t.academy_id IS NOT NULL AND t.course_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM courses r WHERE r.academy_id = t.academy_id AND r.id = t.course_id)$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_course_fk" FOREIGN KEY ("academy_id","course_id") REFERENCES "public"."courses"("academy_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('meeting_commands_session_fk', $q$SELECT t.id, t.academy_id, t.session_id FROM meeting_commands t WHERE t.academy_id IS NOT NULL AND t.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions r WHERE r.academy_id = t.academy_id AND r.id = t.session_id)$q$);
--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('room_states_session_fk', $q$SELECT t.session_id, t.academy_id FROM room_states t WHERE t.academy_id IS NOT NULL AND t.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions r WHERE r.academy_id = t.academy_id AND r.id = t.session_id)$q$);
--> statement-breakpoint
ALTER TABLE "room_states" ADD CONSTRAINT "room_states_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_session_fk', $q$SELECT t.id, t.academy_id, t.session_id FROM recordings t WHERE t.academy_id IS NOT NULL AND t.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions r WHERE r.academy_id = t.academy_id AND r.id = t.session_id)$q$);
--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_minutes_before', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."minutes_before" BETWEEN 0 AND 1440)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_minutes_before" CHECK ("academy_video_settings"."minutes_before" BETWEEN 0 AND 1440);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_window_start', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."window_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_window_start" CHECK ("academy_video_settings"."window_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_window_end', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."window_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_window_end" CHECK ("academy_video_settings"."window_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_blocked_weekdays', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."blocked_weekdays" <@ '{0,1,2,3,4,5,6}'::smallint[])$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_blocked_weekdays" CHECK ("academy_video_settings"."blocked_weekdays" <@ '{0,1,2,3,4,5,6}'::smallint[]);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_max_participants', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."default_max_participants" BETWEEN 1 AND 500)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_max_participants" CHECK ("academy_video_settings"."default_max_participants" BETWEEN 1 AND 500);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_end_buffer', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."end_buffer_minutes" BETWEEN 0 AND 1440)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_end_buffer" CHECK ("academy_video_settings"."end_buffer_minutes" BETWEEN 0 AND 1440);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_student_thresholds', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (0 <= t."student_absent_below" AND t."student_absent_below" <= t."student_partial_below" AND t."student_partial_below" <= 100)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_student_thresholds" CHECK (0 <= "academy_video_settings"."student_absent_below" AND "academy_video_settings"."student_absent_below" <= "academy_video_settings"."student_partial_below" AND "academy_video_settings"."student_partial_below" <= 100);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_teacher_thresholds', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (0 <= t."teacher_absent_below" AND t."teacher_absent_below" <= t."teacher_partial_below" AND t."teacher_partial_below" <= 100)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_teacher_thresholds" CHECK (0 <= "academy_video_settings"."teacher_absent_below" AND "academy_video_settings"."teacher_absent_below" <= "academy_video_settings"."teacher_partial_below" AND "academy_video_settings"."teacher_partial_below" <= 100);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_late_grace', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."late_grace_minutes" BETWEEN 0 AND 240)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_late_grace" CHECK ("academy_video_settings"."late_grace_minutes" BETWEEN 0 AND 240);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_reconnect_window', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."reconnect_window_seconds" BETWEEN 0 AND 3600)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_reconnect_window" CHECK ("academy_video_settings"."reconnect_window_seconds" BETWEEN 0 AND 3600);
--> statement-breakpoint
SELECT pg_temp.verify_before('academy_video_settings_overtime', $q$SELECT t.academy_id FROM academy_video_settings t WHERE NOT (t."overtime_minutes" BETWEEN 0 AND 1440)$q$);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_overtime" CHECK ("academy_video_settings"."overtime_minutes" BETWEEN 0 AND 1440);
--> statement-breakpoint
SELECT pg_temp.verify_before('parent_children_not_self', $q$SELECT t.parent_id, t.child_id FROM parent_children t WHERE NOT (t."parent_id" <> t."child_id")$q$);
--> statement-breakpoint
ALTER TABLE "parent_children" ADD CONSTRAINT "parent_children_not_self" CHECK ("parent_children"."parent_id" <> "parent_children"."child_id");
--> statement-breakpoint
SELECT pg_temp.verify_before('teacher_settings_max_participants', $q$SELECT t.user_id FROM teacher_settings t WHERE NOT (t."max_participants" BETWEEN 1 AND 500)$q$);
--> statement-breakpoint
ALTER TABLE "teacher_settings" ADD CONSTRAINT "teacher_settings_max_participants" CHECK ("teacher_settings"."max_participants" BETWEEN 1 AND 500);
--> statement-breakpoint
SELECT pg_temp.verify_before('teacher_settings_video_quality', $q$SELECT t.user_id FROM teacher_settings t WHERE NOT (t."video_quality" IN ('low', 'medium', 'high'))$q$);
--> statement-breakpoint
ALTER TABLE "teacher_settings" ADD CONSTRAINT "teacher_settings_video_quality" CHECK ("teacher_settings"."video_quality" IN ('low', 'medium', 'high'));
--> statement-breakpoint
SELECT pg_temp.verify_before('teacher_settings_audio_quality', $q$SELECT t.user_id FROM teacher_settings t WHERE NOT (t."audio_quality" IN ('low', 'medium', 'high'))$q$);
--> statement-breakpoint
ALTER TABLE "teacher_settings" ADD CONSTRAINT "teacher_settings_audio_quality" CHECK ("teacher_settings"."audio_quality" IN ('low', 'medium', 'high'));
--> statement-breakpoint
SELECT pg_temp.verify_before('users_platform_role', $q$SELECT t.id FROM users t WHERE NOT ((t."role" = 'super_admin') = (t."academy_id" IS NULL))$q$);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_platform_role" CHECK (("users"."role" = 'super_admin') = ("users"."academy_id" IS NULL));
--> statement-breakpoint
SELECT pg_temp.verify_before('users_email_lower_case', $q$SELECT t.id FROM users t WHERE NOT (t."email" = lower(t."email"))$q$);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_case" CHECK ("users"."email" = lower("users"."email"));
--> statement-breakpoint
SELECT pg_temp.verify_before('sessions_one_audience', $q$SELECT t.id FROM sessions t WHERE NOT (num_nonnulls(t."student_id", t."circle_id", t."course_id") = 1
    AND (t."kind" <> 'interactive_course' OR t."course_id" IS NOT NULL)
    AND (t."kind" <> 'quran' OR t."course_id" IS NULL))$q$);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_one_audience" CHECK (num_nonnulls("sessions"."student_id", "sessions"."circle_id", "sessions"."course_id") = 1
    AND ("sessions"."kind" <> 'interactive_course' OR "sessions"."course_id" IS NOT NULL)
    AND ("sessions"."kind" <> 'quran' OR "sessions"."course_id" IS NULL));
--> statement-breakpoint
SELECT pg_temp.verify_before('meetings_platform', $q$SELECT t.id FROM meetings t WHERE NOT (t."platform" = 'livekit')$q$);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_platform" CHECK ("meetings"."platform" = 'livekit');
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_events_kind', $q$SELECT t.id FROM attendance_events t WHERE NOT (t."kind" IN ('join', 'leave'))$q$);
--> statement-breakpoint
ALTER TABLE "attendance_events" ADD CONSTRAINT "attendance_events_kind" CHECK ("attendance_events"."kind" IN ('join', 'leave'));
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_events_source', $q$SELECT t.id FROM attendance_events t WHERE NOT (t."source" IN ('webhook', 'client', 'reconcile'))$q$);
--> statement-breakpoint
ALTER TABLE "attendance_events" ADD CONSTRAINT "attendance_events_source" CHECK ("attendance_events"."source" IN ('webhook', 'client', 'reconcile'));
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_percentage', $q$SELECT t.session_id, t.user_id FROM attendance_records t WHERE NOT (t."percentage" BETWEEN 0 AND 100)$q$);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_percentage" CHECK ("attendance_records"."percentage" BETWEEN 0 AND 100);
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_counts', $q$SELECT t.session_id, t.user_id FROM attendance_records t WHERE NOT (t."total_seconds" >= 0 AND t."join_count" >= 0 AND t."leave_count" >= 0)$q$);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_counts" CHECK ("attendance_records"."total_seconds" >= 0 AND "attendance_records"."join_count" >= 0 AND "attendance_records"."leave_count" >= 0);
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_final_not_in_room', $q$SELECT t.session_id, t.user_id FROM attendance_records t WHERE NOT (NOT (t."is_final" AND t."in_room"))$q$);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_final_not_in_room" CHECK (NOT ("attendance_records"."is_final" AND "attendance_records"."in_room"));
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_override_reason', $q$SELECT t.session_id, t.user_id FROM attendance_records t WHERE NOT ((t."override_status" IS NULL) = (t."override_reason" IS NULL))$q$);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_override_reason" CHECK (("attendance_records"."override_status" IS NULL) = ("attendance_records"."override_reason" IS NULL));
--> statement-breakpoint
SELECT pg_temp.verify_before('webhook_events_flag', $q$SELECT t.id FROM webhook_events t WHERE NOT (t."flag" IN ('unknown_room', 'unknown_identity', 'hidden_participant', 'cannot_apply'))$q$);
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_flag" CHECK ("webhook_events"."flag" IN ('unknown_room', 'unknown_identity', 'hidden_participant', 'cannot_apply'));
--> statement-breakpoint
SELECT pg_temp.verify_before('webhook_events_problem_iff_cannot_apply', $q$SELECT t.id FROM webhook_events t WHERE NOT ((t."flag" IS NOT DISTINCT FROM 'cannot_apply') = (t."problem" IS NOT NULL))$q$);
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_problem_iff_cannot_apply" CHECK (("webhook_events"."flag" IS NOT DISTINCT FROM 'cannot_apply') = ("webhook_events"."problem" IS NOT NULL));
--> statement-breakpoint
SELECT pg_temp.verify_before('rate_limits_count', $q$SELECT t.key, t.window_start FROM rate_limits t WHERE NOT (t."count" >= 0)$q$);
--> statement-breakpoint
ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_count" CHECK ("rate_limits"."count" >= 0);
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_one_audience', $q$SELECT t.id FROM schedules t WHERE NOT (num_nonnulls(t."student_id", t."circle_id", t."course_id") = 1
    AND (t."kind" <> 'interactive_course' OR t."course_id" IS NOT NULL)
    AND (t."kind" <> 'quran' OR t."course_id" IS NULL))$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_one_audience" CHECK (num_nonnulls("schedules"."student_id", "schedules"."circle_id", "schedules"."course_id") = 1
    AND ("schedules"."kind" <> 'interactive_course' OR "schedules"."course_id" IS NOT NULL)
    AND ("schedules"."kind" <> 'quran' OR "schedules"."course_id" IS NULL));
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_weekdays', $q$SELECT t.id FROM schedules t WHERE NOT (cardinality(t."weekdays") BETWEEN 1 AND 7 AND t."weekdays" <@ '{0,1,2,3,4,5,6}'::smallint[])$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_weekdays" CHECK (cardinality("schedules"."weekdays") BETWEEN 1 AND 7 AND "schedules"."weekdays" <@ '{0,1,2,3,4,5,6}'::smallint[]);
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_local_time', $q$SELECT t.id FROM schedules t WHERE NOT (t."local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_local_time" CHECK ("schedules"."local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_duration', $q$SELECT t.id FROM schedules t WHERE NOT (t."duration_minutes" > 0 AND t."duration_minutes" <= 1440)$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_duration" CHECK ("schedules"."duration_minutes" > 0 AND "schedules"."duration_minutes" <= 1440);
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_start_date', $q$SELECT t.id FROM schedules t WHERE NOT (t."start_date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_start_date" CHECK ("schedules"."start_date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_end_date', $q$SELECT t.id FROM schedules t WHERE NOT (t."end_date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_end_date" CHECK ("schedules"."end_date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_count_or_end_date', $q$SELECT t.id FROM schedules t WHERE NOT (num_nonnulls(t."count", t."end_date") = 1 AND t."count" >= 1)$q$);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_count_or_end_date" CHECK (num_nonnulls("schedules"."count", "schedules"."end_date") = 1 AND "schedules"."count" >= 1);
--> statement-breakpoint
SELECT pg_temp.verify_before('meeting_commands_topic', $q$SELECT t.id FROM meeting_commands t WHERE NOT (t."topic" IN ('teacher_controls', 'participant_management', 'hand_raising', 'session_announcements', 'system_notifications'))$q$);
--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_topic" CHECK ("meeting_commands"."topic" IN ('teacher_controls', 'participant_management', 'hand_raising', 'session_announcements', 'system_notifications'));
--> statement-breakpoint
SELECT pg_temp.verify_before('meeting_commands_type', $q$SELECT t.id FROM meeting_commands t WHERE NOT (t."type" IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended'))$q$);
--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_type" CHECK ("meeting_commands"."type" IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended'));
--> statement-breakpoint
SELECT pg_temp.verify_before('meeting_commands_priority', $q$SELECT t.id FROM meeting_commands t WHERE NOT (t."priority" BETWEEN 0 AND 3)$q$);
--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_priority" CHECK ("meeting_commands"."priority" BETWEEN 0 AND 3);
--> statement-breakpoint
SELECT pg_temp.verify_before('meeting_commands_attempts', $q$SELECT t.id FROM meeting_commands t WHERE NOT (t."attempts" >= 0)$q$);
--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_attempts" CHECK ("meeting_commands"."attempts" >= 0);
--> statement-breakpoint
SELECT pg_temp.verify_before('room_states_version', $q$SELECT t.session_id FROM room_states t WHERE NOT (t."version" >= 0)$q$);
--> statement-breakpoint
ALTER TABLE "room_states" ADD CONSTRAINT "room_states_version" CHECK ("room_states"."version" >= 0);
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_status', $q$SELECT t.id FROM recordings t WHERE NOT (t."status" IN ('starting', 'active', 'ending', 'complete', 'failed'))$q$);
--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_status" CHECK ("recordings"."status" IN ('starting', 'active', 'ending', 'complete', 'failed'));
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_layout', $q$SELECT t.id FROM recordings t WHERE NOT (t."layout" IN ('grid', 'speaker', 'single-speaker'))$q$);
--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_layout" CHECK ("recordings"."layout" IN ('grid', 'speaker', 'single-speaker'));
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_progress', $q$SELECT t.id FROM recordings t WHERE NOT (t."progress" >= 0)$q$);
--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_progress" CHECK ("recordings"."progress" >= 0);
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_sizes', $q$SELECT t.id FROM recordings t WHERE NOT (t."duration_ms" >= 0 AND t."size_bytes" >= 0)$q$);
--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_sizes" CHECK ("recordings"."duration_ms" >= 0 AND "recordings"."size_bytes" >= 0);
--> statement-breakpoint
SELECT pg_temp.verify_before('sweep_runs_job', $q$SELECT t.id FROM sweep_runs t WHERE NOT (t."job" IN ('create-scheduled', 'cleanup-expired', 'reconcile-attendance'))$q$);
--> statement-breakpoint
ALTER TABLE "sweep_runs" ADD CONSTRAINT "sweep_runs_job" CHECK ("sweep_runs"."job" IN ('create-scheduled', 'cleanup-expired', 'reconcile-attendance'));
--> statement-breakpoint
CREATE INDEX "sessions_schedule_idx" ON "sessions" USING btree ("schedule_id");
--> statement-breakpoint
CREATE INDEX "webhook_events_problems_idx" ON "webhook_events" USING btree ("academy_id","received_at") WHERE flag = 'cannot_apply';
--> statement-breakpoint
-- Columns naming a person who may be the super admin (who belongs to no
-- academy: users_platform_role) cannot take a composite foreign key, so this
-- trigger holds them to the same rule: a user of the row's academy, or of the
-- platform. Their plain foreign keys to users(id) stay for ON DELETE.
CREATE FUNCTION academy_user_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  col text;
  uid integer;
BEGIN
  FOR i IN 0 .. TG_NARGS - 1 LOOP
    col := TG_ARGV[i];
    uid := (to_jsonb(NEW) ->> col)::integer;
    IF uid IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM users u WHERE u.id = uid AND (u.academy_id = NEW.academy_id OR u.academy_id IS NULL)
    ) THEN
      RAISE EXCEPTION 'insert or update on table "%" violates academy_user_guard: %.% = % is not a user of academy % or of the platform',
        TG_TABLE_NAME, TG_TABLE_NAME, col, uid, NEW.academy_id
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
  END LOOP;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_events_user_guard (user_id)', $q$SELECT t.id, t.user_id FROM attendance_events t WHERE t.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
CREATE TRIGGER attendance_events_user_guard BEFORE INSERT OR UPDATE OF academy_id, user_id ON attendance_events FOR EACH ROW EXECUTE FUNCTION academy_user_guard('user_id');
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_user_guard (user_id)', $q$SELECT t.session_id, t.user_id, t.user_id FROM attendance_records t WHERE t.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
SELECT pg_temp.verify_before('attendance_records_user_guard (overridden_by)', $q$SELECT t.session_id, t.user_id, t.overridden_by FROM attendance_records t WHERE t.overridden_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.overridden_by AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
CREATE TRIGGER attendance_records_user_guard BEFORE INSERT OR UPDATE OF academy_id, user_id, overridden_by ON attendance_records FOR EACH ROW EXECUTE FUNCTION academy_user_guard('user_id', 'overridden_by');
--> statement-breakpoint
SELECT pg_temp.verify_before('meetings_user_guard (created_by)', $q$SELECT t.id, t.created_by FROM meetings t WHERE t.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.created_by AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
CREATE TRIGGER meetings_user_guard BEFORE INSERT OR UPDATE OF academy_id, created_by ON meetings FOR EACH ROW EXECUTE FUNCTION academy_user_guard('created_by');
--> statement-breakpoint
SELECT pg_temp.verify_before('meeting_commands_user_guard (sender_id)', $q$SELECT t.id, t.sender_id FROM meeting_commands t WHERE t.sender_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.sender_id AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
CREATE TRIGGER meeting_commands_user_guard BEFORE INSERT OR UPDATE OF academy_id, sender_id ON meeting_commands FOR EACH ROW EXECUTE FUNCTION academy_user_guard('sender_id');
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_user_guard (started_by)', $q$SELECT t.id, t.started_by FROM recordings t WHERE t.started_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.started_by AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
SELECT pg_temp.verify_before('recordings_user_guard (stopped_by)', $q$SELECT t.id, t.stopped_by FROM recordings t WHERE t.stopped_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.stopped_by AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
CREATE TRIGGER recordings_user_guard BEFORE INSERT OR UPDATE OF academy_id, started_by, stopped_by ON recordings FOR EACH ROW EXECUTE FUNCTION academy_user_guard('started_by', 'stopped_by');
--> statement-breakpoint
SELECT pg_temp.verify_before('schedules_user_guard (created_by)', $q$SELECT t.id, t.created_by FROM schedules t WHERE t.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.created_by AND (u.academy_id = t.academy_id OR u.academy_id IS NULL))$q$);
--> statement-breakpoint
CREATE TRIGGER schedules_user_guard BEFORE INSERT OR UPDATE OF academy_id, created_by ON schedules FOR EACH ROW EXECUTE FUNCTION academy_user_guard('created_by');
--> statement-breakpoint
DROP FUNCTION pg_temp.verify_before(text, text);
