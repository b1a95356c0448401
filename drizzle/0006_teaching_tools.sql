CREATE TABLE "poll_answers" (
	"poll_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"choice" smallint NOT NULL,
	"answered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_answers_poll_id_user_id_pk" PRIMARY KEY("poll_id","user_id"),
	CONSTRAINT "poll_answers_choice" CHECK ("poll_answers"."choice" BETWEEN 0 AND 5)
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"question" text NOT NULL,
	"options" text[] NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"results_shown" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_options" CHECK (cardinality("polls"."options") BETWEEN 2 AND 6),
	CONSTRAINT "polls_question" CHECK (length("polls"."question") BETWEEN 1 AND 300)
);
--> statement-breakpoint
CREATE TABLE "recitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_surah" smallint NOT NULL,
	"from_ayah" smallint NOT NULL,
	"to_surah" smallint NOT NULL,
	"to_ayah" smallint NOT NULL,
	"mistakes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grade" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp (3) with time zone,
	CONSTRAINT "recitations_kind" CHECK ("recitations"."kind" IN ('memorisation', 'revision')),
	CONSTRAINT "recitations_surahs" CHECK ("recitations"."from_surah" BETWEEN 1 AND 114 AND "recitations"."to_surah" BETWEEN 1 AND 114),
	CONSTRAINT "recitations_ayahs" CHECK ("recitations"."from_ayah" BETWEEN 1 AND 286 AND "recitations"."to_ayah" BETWEEN 1 AND 286),
	CONSTRAINT "recitations_order" CHECK (("recitations"."from_surah", "recitations"."from_ayah") <= ("recitations"."to_surah", "recitations"."to_ayah")),
	CONSTRAINT "recitations_note" CHECK (length("recitations"."note") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "meeting_commands" DROP CONSTRAINT "meeting_commands_topic";--> statement-breakpoint
ALTER TABLE "meeting_commands" DROP CONSTRAINT "meeting_commands_type";--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN IF NOT EXISTS "recitation_grade_scale" text DEFAULT 'five_level' NOT NULL;--> statement-breakpoint
ALTER TABLE "room_states" ADD COLUMN IF NOT EXISTS "mushaf" jsonb;--> statement-breakpoint
ALTER TABLE "poll_answers" ADD CONSTRAINT "poll_answers_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_answers" ADD CONSTRAINT "poll_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recitations" ADD CONSTRAINT "recitations_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recitations" ADD CONSTRAINT "recitations_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recitations" ADD CONSTRAINT "recitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recitations" ADD CONSTRAINT "recitations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recitations" ADD CONSTRAINT "recitations_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "polls_session_idx" ON "polls" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "polls_academy_idx" ON "polls" USING btree ("academy_id","created_at");--> statement-breakpoint
CREATE INDEX "recitations_academy_idx" ON "recitations" USING btree ("academy_id","created_at");--> statement-breakpoint
CREATE INDEX "recitations_student_idx" ON "recitations" USING btree ("student_id","created_at");--> statement-breakpoint
CREATE INDEX "recitations_session_idx" ON "recitations" USING btree ("session_id");--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_topic" CHECK ("meeting_commands"."topic" IN ('teacher_controls', 'participant_management', 'hand_raising', 'session_announcements', 'system_notifications', 'classroom_tools'));--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_type" CHECK ("meeting_commands"."type" IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended', 'mushaf_set', 'mushaf_closed', 'poll_changed'));--> statement-breakpoint
-- Hand-written: shared/quran/grades.ts GRADE_SCALES.
ALTER TABLE "academies" ADD CONSTRAINT "academies_recitation_grade_scale" CHECK ("recitation_grade_scale" IN ('five_level', 'out_of_10', 'percent'));
--> statement-breakpoint
-- Hand-written: a recitation's student and writers, a poll's author and its answerers belong to the row's academy (or the platform).
CREATE TRIGGER recitations_user_guard BEFORE INSERT OR UPDATE OF academy_id, student_id, created_by, updated_by ON recitations FOR EACH ROW EXECUTE FUNCTION academy_user_guard('student_id', 'created_by', 'updated_by');
--> statement-breakpoint
CREATE TRIGGER polls_user_guard BEFORE INSERT OR UPDATE OF academy_id, created_by ON polls FOR EACH ROW EXECUTE FUNCTION academy_user_guard('created_by');
