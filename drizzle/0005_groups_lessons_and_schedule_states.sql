CREATE TABLE "lessons" (
	"id" serial PRIMARY KEY NOT NULL,
	"academy_id" integer NOT NULL,
	"title" text NOT NULL,
	"teacher_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lessons_academy_id_id_uq" UNIQUE("academy_id","id"),
	CONSTRAINT "lessons_teacher_not_student" CHECK ("lessons"."teacher_id" <> "lessons"."student_id")
);
--> statement-breakpoint
ALTER TABLE "circles" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "state" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_teacher_fk" FOREIGN KEY ("academy_id","teacher_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_student_fk" FOREIGN KEY ("academy_id","student_id") REFERENCES "public"."users"("academy_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lessons_academy_idx" ON "lessons" USING btree ("academy_id");--> statement-breakpoint
CREATE INDEX "lessons_student_idx" ON "lessons" USING btree ("student_id");--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_state" CHECK ("schedules"."state" IN ('active', 'paused', 'ended'));