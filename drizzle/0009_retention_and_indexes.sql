-- halaqa:no-transaction
-- Runs outside a transaction (server/db/migrate.ts): the indexes on the large tables are built
-- CONCURRENTLY, so webhook writes go on meanwhile. Every statement may run again after an
-- interruption: an index build that failed half-way leaves an INVALID index, dropped first.
ALTER TABLE "academy_video_settings" ADD COLUMN IF NOT EXISTS "event_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "academy_video_settings" DROP CONSTRAINT IF EXISTS "academy_video_settings_event_retention", ADD CONSTRAINT "academy_video_settings_event_retention" CHECK ("academy_video_settings"."event_retention_days" BETWEEN 7 AND 3650);--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "sessions_open_scheduled_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "sessions_open_scheduled_idx" ON "sessions" USING btree ("scheduled_at") WHERE status IN ('scheduled', 'ready', 'ongoing');--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "attendance_events_user_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "attendance_events_user_idx" ON "attendance_events" USING btree ("user_id");--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "attendance_records_academy_session_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "attendance_records_academy_session_idx" ON "attendance_records" USING btree ("academy_id","session_id");--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "webhook_events_received_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "webhook_events_received_idx" ON "webhook_events" USING btree ("received_at");--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "attendance_records_academy_idx";--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "webhook_events_session_idx";
