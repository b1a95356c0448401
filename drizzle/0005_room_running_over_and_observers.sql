CREATE TABLE "session_extensions" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"minutes" integer NOT NULL,
	"extended_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_extensions_minutes" CHECK ("session_extensions"."minutes" IN (5, 15))
);
--> statement-breakpoint
ALTER TABLE "meeting_commands" DROP CONSTRAINT "meeting_commands_type";--> statement-breakpoint
-- ADD COLUMN IF NOT EXISTS: the tenancy migration's test applies these early (today's factories return them).
ALTER TABLE "academy_video_settings" ADD COLUMN IF NOT EXISTS "students_talk_before_teacher" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN IF NOT EXISTS "extended_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "room_states" ADD COLUMN IF NOT EXISTS "speaker_identity" text;--> statement-breakpoint
ALTER TABLE "room_states" ADD COLUMN IF NOT EXISTS "teacher_arrived_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "session_extensions" ADD CONSTRAINT "session_extensions_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_extensions" ADD CONSTRAINT "session_extensions_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_extensions" ADD CONSTRAINT "session_extensions_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_extensions_session_idx" ON "session_extensions" USING btree ("session_id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_extended_minutes" CHECK ("sessions"."extended_minutes" BETWEEN 0 AND 60);--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_type" CHECK ("meeting_commands"."type" IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended', 'speaker_allowed', 'speaker_revoked', 'class_extended'));--> statement-breakpoint
-- Hand-written: whoever extended a class is a user of its academy or the platform (migration 0002's guard).
CREATE TRIGGER session_extensions_user_guard BEFORE INSERT OR UPDATE OF academy_id, extended_by ON session_extensions FOR EACH ROW EXECUTE FUNCTION academy_user_guard('extended_by');
