ALTER TABLE "recordings" DROP CONSTRAINT "recordings_started_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD COLUMN "recording_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD COLUMN "students_see_recordings" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "progress" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "egress_updated_ns" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "auto_started" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "layout" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "file_path" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "stopped_by" integer;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "duration_ms" bigint;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "size_bytes" bigint;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_stopped_by_users_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recordings_academy_started_idx" ON "recordings" USING btree ("academy_id","started_at");