import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleUnsubscribe } from '@/server/http/notifications';

export const POST = withBodyLimit(BODY_LIMITS.small, (req: Request) => handleUnsubscribe(req, getAppDeps()));
