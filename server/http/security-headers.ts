/**
 * The security headers of every response (proxy.ts sets them). Pure, so the
 * policy is unit tested.
 *
 * The Content-Security-Policy allows exactly what the app needs: its own
 * origin for everything; scripts only with the request's nonce (Next puts it
 * on its own scripts; 'strict-dynamic' lets them load their chunks); the
 * LiveKit server for the signalling WebSocket and the client's HTTP checks
 * (media itself flows over WebRTC, which CSP does not govern); camera and
 * microphone streams as blob:/mediastream: media. Styles allow inline
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
    ['media-src', "'self'", 'blob:', 'mediastream:'],
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

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(input),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()',
    ...(input.appUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}
