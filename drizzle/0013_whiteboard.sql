-- The shared whiteboard (issue 21): its scene and final image per session; room_states.whiteboard says
-- whether it is open and who may draw; the command CHECK gains whiteboard_set, whiteboard_closed, whiteboard_changed.
CREATE TABLE "whiteboards" (
	"session_id" integer PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"elements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scene_version" integer DEFAULT 0 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"image_svg" text,
	"image_saved_at" timestamp (3) with time zone,
	"image_saved_by" integer,
	CONSTRAINT "whiteboards_scene_version" CHECK ("whiteboards"."scene_version" >= 0),
	CONSTRAINT "whiteboards_image_size" CHECK ("whiteboards"."image_svg" IS NULL OR length("whiteboards"."image_svg") <= 900000)
);
--> statement-breakpoint
ALTER TABLE "meeting_commands" DROP CONSTRAINT "meeting_commands_type";--> statement-breakpoint
ALTER TABLE "room_states" ADD COLUMN IF NOT EXISTS "whiteboard" jsonb;--> statement-breakpoint
ALTER TABLE "whiteboards" ADD CONSTRAINT "whiteboards_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whiteboards" ADD CONSTRAINT "whiteboards_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whiteboards" ADD CONSTRAINT "whiteboards_image_saved_by_users_id_fk" FOREIGN KEY ("image_saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whiteboards" ADD CONSTRAINT "whiteboards_session_fk" FOREIGN KEY ("academy_id","session_id") REFERENCES "public"."sessions"("academy_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_commands" ADD CONSTRAINT "meeting_commands_type" CHECK ("meeting_commands"."type" IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended', 'speaker_allowed', 'speaker_revoked', 'class_extended', 'mushaf_set', 'mushaf_closed', 'poll_changed', 'whiteboard_set', 'whiteboard_closed', 'whiteboard_changed'));--> statement-breakpoint
-- Who drew last and who saved the image are people of the session's academy (or the platform), as elsewhere (0002).
CREATE TRIGGER whiteboards_user_guard BEFORE INSERT OR UPDATE OF academy_id, updated_by, image_saved_by ON whiteboards FOR EACH ROW EXECUTE FUNCTION academy_user_guard('updated_by', 'image_saved_by');
