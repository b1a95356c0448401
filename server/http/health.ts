/**
 * GET /api/health as a plain Request → Response function. Anyone learns
 * whether the app is up (200) or down (503); what is wrong (database, video,
 * why video is unavailable) only the holder of the cron secret or a super
 * admin, since it names infrastructure.
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { logger } from '@/server/lib/logger';
import { bearerMatches } from './cron';

export async function handleHealth(req: Request, deps: Pick<Deps, 'db' | 'videoUnavailableReason'>, who: { cronSecret: string | undefined; actor: () => Promise<Actor | null> }): Promise<Response> {
  let database = true;
  try {
    await deps.db.execute(sql`SELECT 1`);
  } catch (error) {
    database = false;
    logger.error('health: database unreachable', { error: String(error) });
  }
  const headers = { 'cache-control': 'no-store' };
  const trusted =
    (who.cronSecret !== undefined && bearerMatches(req.headers.get('authorization'), who.cronSecret)) ||
    (await who.actor().catch(() => null))?.role === 'super_admin';
  if (!trusted) return Response.json({ ok: database }, { status: database ? 200 : 503, headers });
  return Response.json(
    { ok: database, database, video: deps.videoUnavailableReason === null, videoUnavailableReason: deps.videoUnavailableReason },
    { status: database ? 200 : 503, headers },
  );
}
