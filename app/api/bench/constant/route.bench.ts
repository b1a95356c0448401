/**
 * The framework's ceiling for `npm run bench:tokens`: a route handler that
 * does nothing. Dynamic, so every request runs the handler like the tRPC
 * route does instead of being served from a prerendered file.
 */
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';

export const dynamic = 'force-dynamic';

export const GET = withBodyLimit(BODY_LIMITS.small, () => new Response('ok'));
