import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { handleAttendanceExport } from '@/server/http/attendance-export';

// The export reads the signed-in actor and streams from the database: never prerendered or cached.
export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return handleAttendanceExport(req, getAppDeps(), await getActor());
}
