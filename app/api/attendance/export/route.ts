import { getActor } from '@/server/auth/options';
import { getViewer } from '@/server/auth/viewer';
import { getAppDeps } from '@/server/deps';
import { handleAttendanceExport } from '@/server/http/attendance-export';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';

// The export reads the signed-in actor and streams from the database: never prerendered or cached.
export const dynamic = 'force-dynamic';

export const GET = withBodyLimit(BODY_LIMITS.small, async (req: Request) =>
  handleAttendanceExport(req, getAppDeps(), await getActor(), (await getViewer()).locale),
);
