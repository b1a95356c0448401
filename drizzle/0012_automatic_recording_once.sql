ALTER TABLE "meetings" ADD COLUMN IF NOT EXISTS "auto_recording_at" timestamp with time zone;
