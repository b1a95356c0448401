CREATE TABLE IF NOT EXISTS "sign_in_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "user_leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_video_settings" ADD COLUMN IF NOT EXISTS "teachers_may_observe" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "user_leases_user_kind_idx" ON "user_leases" USING btree ("user_id","kind");--> statement-breakpoint
-- Idempotent (IF NOT EXISTS, OR REPLACE): the tenancy migration's test applies it early, to seed
-- the rows of a database from before 0002 with today's factories.
-- Any change to who a user is (role, academy, active) ends their existing sessions, whichever
-- code path or SQL console makes it. Not the password hash: re-hashing at sign-in must not sign
-- the user out elsewhere.
CREATE OR REPLACE FUNCTION bump_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role
     OR NEW.academy_id IS DISTINCT FROM OLD.academy_id
     OR NEW.active IS DISTINCT FROM OLD.active THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_bump_session_version ON users;
--> statement-breakpoint
CREATE TRIGGER users_bump_session_version BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION bump_session_version();
