/**
 * The framework's ceiling for `npm run bench:tokens`: a route handler that
 * does nothing. Dynamic, so every request runs the handler like the tRPC
 * route does instead of being served from a prerendered file.
 */
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok');
}
