/**
 * The security headers of every response (proxy.ts sets them). Pure, so the
 * policy is unit tested.
 *
 * The Content-Security-Policy allows exactly what the app needs: its own
 * origin for everything; scripts only with the request's nonce (Next puts it
 * on its own scripts; 'strict-dynamic' lets them load their chunks); the
 * LiveKit server for the signalling WebSocket and the client's HTTP checks
 * (media itself flows over WebRTC, which CSP does not govern); camera and
 * microphone streams as blob:/mediastream: media, and the recordings' bucket
 * as media (the session page's player plays signed links). Styles allow inline
 * attributes: React and LiveKit's components set element styles, and
 * styles cannot run code. Nothing may frame the app.
 */
export interface SecurityHeaderInput {
  appUrl: string;
  /** The ws(s):// URL browsers connect to; null when video is unavailable. */
  livekitUrl: string | null;
  nonce: string;
  /** next dev needs eval for its error overlay and fast refresh. */
  dev: boolean;
  /** The recordings bucket's origin (recordingMediaOrigin); null without recording storage. */
  recordingsOrigin?: string | null;
}

function livekitSources(url: string | null): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    const http = u.protocol === 'wss:' ? 'https:' : 'http:';
    return [`${u.protocol}//${u.host}`, `${http}//${u.host}`];
  } catch {
    return [];
  }
}

export function contentSecurityPolicy(input: SecurityHeaderInput): string {
  const https = input.appUrl.startsWith('https://');
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${input.nonce}'`, "'strict-dynamic'", ...(input.dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['media-src', "'self'", 'blob:', 'mediastream:', ...(input.recordingsOrigin ? [input.recordingsOrigin] : [])],
    ['connect-src', "'self'", ...livekitSources(input.livekitUrl), ...(input.dev ? ['ws:'] : [])],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()',
};

/** Pages: the nonce'd policy, and HSTS when served over https (a host-wide policy, so pages carrying it covers the API too). */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(input),
    ...COMMON,
    ...(input.appUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * API answers and static files (next.config.ts, fixed at build time): they
 * render nothing, so their policy allows nothing. The API is kept out of
 * proxy.ts on purpose: with a proxy, Next buffers (and past 10 MB silently
 * truncates) every request body before the route sees it, which would defeat
 * the streamed body limits.
 */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  ...COMMON,
};
