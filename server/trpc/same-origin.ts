/**
 * A browser always sends Origin (and Sec-Fetch-Site) on a cross-site POST;
 * a request whose Origin host differs from the Host it was sent to came from
 * another site. Non-browser clients send neither and are not a CSRF vector.
 */
import 'server-only';
export function isCrossSiteRequest(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site') return true;
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
