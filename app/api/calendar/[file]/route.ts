import { getAppDeps } from '@/server/deps';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleCalendarFeed } from '@/server/http/notifications';

/** A person's secret iCalendar feed: no session, the token is the key. */
export const GET = withBodyLimit(BODY_LIMITS.small, async (_req: Request, { params }: { params: Promise<{ file: string }> }) => handleCalendarFeed((await params).file, getAppDeps()));
