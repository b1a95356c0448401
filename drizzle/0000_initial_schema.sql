CREATE TYPE "public"."attendance_status" AS ENUM('present', 'late', 'partial', 'absent');--> statement-breakpoint
CREATE TYPE "public"."attendee_type" AS ENUM('student', 'teacher', 'supervisor', 'parent');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('ar', 'en');--> statement-breakpoint
CREATE TYPE "public"."session_kind" AS ENUM('quran', 'academic', 'interactive_course');--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('scheduled', 'ready', 'ongoing', 'completed', 'cancelled', 'absent');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('super_admin', 'academy_admin', 'supervisor', 'teacher', 'student', 'parent');--> statement-breakpoint
CREATE TABLE "academies" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"timezone" text NOT NULL,
	"default_locale" "locale" DEFAULT 'ar' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "academy_video_settings" (
	"academy_id" integer PRIMARY KEY NOT NULL,
	"auto_create" boolean DEFAULT true NOT NULL,
	"auto_end" boolean DEFAULT true NOT NULL,
	"minutes_before" integer DEFAULT 30 NOT NULL,
	"window_start" text,
	"window_end" text,
	"blocked_weekdays" smallint[] DEFAULT '{}' NOT NULL,
	"default_max_participants" integer DEFAULT 50 NOT NULL,
	"recording_default" boolean DEFAULT false NOT NULL,
	"end_buffer_minutes" integer DEFAULT 15 NOT NULL,
	"student_absent_below" integer DEFAULT 30 NOT NULL,
	"student_partial_below" integer DEFAULT 80 NOT NULL,
	"teacher_absent_below" integer DEFAULT 50 NOT NULL,
	"teacher_partial_below" integer DEFAULT 90 NOT NULL,
	"late_grace_minutes" integer DEFAULT 15,
	"reconnect_window_seconds" integer DEFAULT 120 NOT NULL,
	"overtime_minutes" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parent_children" (
	"academy_id" integer NOT NULL,
	"parent_id" integer NOT NULL,
	"child_id" integer NOT NULL,
	CONSTRAINT "parent_children_parent_id_child_id_pk" PRIMARY KEY("parent_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "teacher_settings" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"max_participants" integer,
	"recording_enabled" boolean,
	"video_quality" text,
	"audio_quality" text,
	"screen_share" boolean,
	"chat" boolean,
	"mute_on_join" boolean,
	"students_can_publish" boolean
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"locale" "locale",
	"timezone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "circle_members" (
	"academy_id" integer NOT NULL,
	"circle_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	CONSTRAINT "circle_members_circle_id_student_id_pk" PRIMARY KEY("circle_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "circles" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"name" text NOT NULL,
	"teacher_id" integer
);
--> statement-breakpoint
CREATE TABLE "course_enrollments" (
	"academy_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	CONSTRAINT "course_enrollments_course_id_student_id_pk" PRIMARY KEY("course_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"title" text NOT NULL,
	"teacher_id" integer
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"kind" "session_kind" NOT NULL,
	"title" text NOT NULL,
	"teacher_id" integer NOT NULL,
	"student_id" integer,
	"circle_id" integer,
	"course_id" integer,
	"scheduled_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" "session_status" DEFAULT 'scheduled' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"cancel_reason" text,
	"schedule_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_duration_positive" CHECK ("sessions"."duration_minutes" > 0 AND "sessions"."duration_minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"room_name" text NOT NULL,
	"platform" text DEFAULT 'livekit' NOT NULL,
	"join_url" text NOT NULL,
	"options" jsonb NOT NULL,
	"auto_generated" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"persist_until" timestamp with time zone,
	"last_reconciled_at" timestamp with time zone,
	CONSTRAINT "meetings_session_id_unique" UNIQUE("session_id"),
	CONSTRAINT "meetings_room_name_unique" UNIQUE("room_name")
);
--> statement-breakpoint
CREATE TABLE "attendance_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"participant_sid" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"joined_at" timestamp (3) with time zone,
	"source" text NOT NULL,
	"source_event_id" text
);
--> statement-breakpoint
CREATE TABLE "attendance_records" (
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"user_type" "attendee_type" NOT NULL,
	"first_join_at" timestamp (3) with time zone,
	"last_leave_at" timestamp (3) with time zone,
	"cycles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_seconds" integer DEFAULT 0 NOT NULL,
	"join_count" integer DEFAULT 0 NOT NULL,
	"leave_count" integer DEFAULT 0 NOT NULL,
	"status" "attendance_status" NOT NULL,
	"percentage" numeric(5, 2) DEFAULT 0 NOT NULL,
	"is_final" boolean DEFAULT false NOT NULL,
	"in_room" boolean DEFAULT false NOT NULL,
	"override_status" "attendance_status",
	"override_reason" text,
	"overridden_by" integer,
	"calculated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"room_name" text,
	"academy_id" integer,
	"session_id" integer,
	"participant_sid" text,
	"identity" text,
	"user_id" integer,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"flag" text,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"kind" "session_kind" NOT NULL,
	"title" text NOT NULL,
	"teacher_id" integer NOT NULL,
	"student_id" integer,
	"circle_id" integer,
	"course_id" integer,
	"weekdays" smallint[] NOT NULL,
	"local_time" text NOT NULL,
	"timezone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text,
	"count" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_acks" (
	"command_id" text NOT NULL,
	"identity" text NOT NULL,
	"acked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "command_acks_command_id_identity_pk" PRIMARY KEY("command_id","identity")
);
--> statement-breakpoint
CREATE TABLE "meeting_commands" (
	"id" text PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"topic" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"priority" smallint DEFAULT 1 NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"sender_id" integer,
	"target_identities" text[],
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "room_states" (
	"session_id" integer PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"raised_hands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"announcement" jsonb,
	"students_can_publish" boolean DEFAULT true NOT NULL,
	"muted_identities" text[] DEFAULT '{}' NOT NULL,
	"removed_user_ids" integer[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"egress_id" text NOT NULL,
	"status" text NOT NULL,
	"started_by" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"location" text,
	"error" text,
	CONSTRAINT "recordings_egress_id_unique" UNIQUE("egress_id")
);
--> statement-breakpoint
CREATE TABLE "sweep_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"academy_id" integer,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD CONSTRAINT "academy_video_settings_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_children" ADD CONSTRAINT "parent_children_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_children" ADD CONSTRAINT "parent_children_parent_id_users_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_children" ADD CONSTRAINT "parent_children_child_id_users_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_settings" ADD CONSTRAINT "teacher_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_settings" ADD CONSTRAINT "teacher_settings_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_events" ADD CONSTRAINT "attendance_events_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_events" ADD CONSTRAINT "attendance_events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_events" ADD CONSTRAINT "attendance_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_acks" ADD CONSTRAINT "command_acks_command_id_meeting_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."meeting_commands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_states" ADD CONSTRAINT "room_states_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_states" ADD CONSTRAINT "room_states_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parent_children_child_idx" ON "parent_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "users_academy_role_idx" ON "users" USING btree ("academy_id","role");--> statement-breakpoint
CREATE INDEX "circle_members_student_idx" ON "circle_members" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "circles_academy_idx" ON "circles" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "course_enrollments_student_idx" ON "course_enrollments" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "courses_academy_idx" ON "courses" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "sessions_academy_scheduled_idx" ON "sessions" USING btree ("academy_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "sessions_teacher_scheduled_idx" ON "sessions" USING btree ("teacher_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "sessions_student_scheduled_idx" ON "sessions" USING btree ("student_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "sessions_circle_idx" ON "sessions" USING btree ("circle_id");--> statement-breakpoint
CREATE INDEX "sessions_course_idx" ON "sessions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "sessions_scheduled_start_idx" ON "sessions" USING btree ("scheduled_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "meetings_academy_idx" ON "meetings" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "meetings_live_idx" ON "meetings" USING btree ("ended_at");--> statement-breakpoint
CREATE INDEX "attendance_events_session_user_idx" ON "attendance_events" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_events_source_uq" ON "attendance_events" USING btree ("source_event_id") WHERE source_event_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_records_session_user_uq" ON "attendance_records" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "attendance_records_academy_idx" ON "attendance_records" USING btree ("academy_id","calculated_at");--> statement-breakpoint
CREATE INDEX "attendance_records_user_idx" ON "attendance_records" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "webhook_events_session_idx" ON "webhook_events" USING btree ("session_id","occurred_at");--> statement-breakpoint
CREATE INDEX "schedules_academy_idx" ON "schedules" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "meeting_commands_session_idx" ON "meeting_commands" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "recordings_session_idx" ON "recordings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sweep_runs_job_idx" ON "sweep_runs" USING btree ("job","started_at");