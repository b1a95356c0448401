import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleRecitationsExport } from '@/server/http/recitations-export';

// Reads the signed-in actor and the database: never prerendered or cached.
export const dynamic = 'force-dynamic';

export const GET = withBodyLimit(BODY_LIMITS.small, async (req: Request) => handleRecitationsExport(req, getAppDeps(), await getActor()));
