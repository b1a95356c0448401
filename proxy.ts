/**
 * Every page gets the security headers (server/http/security-headers.ts),
 * with a fresh nonce per request: Next reads it from the request's
 * Content-Security-Policy and puts it on the scripts it renders (every page
 * is rendered per request: the root layout reads the viewer). /api/* and the
 * static build output get theirs from next.config.ts: a proxy in front of a
 * route makes Next buffer its request body, which the API must not have.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/server/env';
import { securityHeaders } from '@/server/http/security-headers';
import { recordingMediaOrigin } from '@/server/livekit/recording-storage';

export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = securityHeaders({
    appUrl: env.appUrl,
    livekitUrl: env.livekit?.wsUrl ?? null,
    nonce,
    dev: env.nodeEnv === 'development',
    recordingsOrigin: env.recordingStorage.ok ? recordingMediaOrigin(env.recordingStorage.s3) : null,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
