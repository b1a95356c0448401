import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';
import { getEnv } from '@/server/env';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleHealth } from '@/server/http/health';

/** Up or down for anyone; details for the cron secret or a super admin (server/http/health.ts). */
export const GET = withBodyLimit(BODY_LIMITS.small, (req: Request) => handleHealth(req, getAppDeps(), { cronSecret: getEnv().cronSecret, actor: getActor }));
