import { sql } from 'drizzle-orm';
import { getAppDeps } from '@/server/deps';

/** Ready when the database answers; says whether video is configured. */
export async function GET() {
  const deps = getAppDeps();
  try {
    await deps.db.execute(sql`SELECT 1`);
  } catch {
    return Response.json({ ok: false, database: false }, { status: 503 });
  }
  return Response.json({ ok: true, database: true, video: deps.videoUnavailableReason === null, videoUnavailableReason: deps.videoUnavailableReason });
}
