import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, STATIC_SECURITY_HEADERS } from './security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('securityHeaders', () => {
  it('allows scripts only with the nonce, LiveKit only for connections, and no framing', () => {
    const csp = directives(contentSecurityPolicy({ appUrl: 'https://halaqa.example', livekitUrl: 'wss://lk.example:7880', nonce: 'abc', dev: false }));
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'wss://lk.example:7880', 'https://lk.example:7880']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['media-src']).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(csp['upgrade-insecure-requests']).toEqual([]);
    // LiveKit may not serve scripts, frames or images.
    for (const name of ['script-src', 'img-src', 'default-src', 'style-src']) expect(csp[name]!.join(' ')).not.toContain('lk.example');
  });

  it('lets the session page play recordings from the bucket only: media, not scripts or connections', () => {
    const csp = directives(contentSecurityPolicy({ appUrl: 'https://halaqa.example', livekitUrl: null, nonce: 'n', dev: false, recordingsOrigin: 'https://rec.s3.eu-west-1.amazonaws.com' }));
    expect(csp['media-src']).toEqual(["'self'", 'blob:', 'mediastream:', 'https://rec.s3.eu-west-1.amazonaws.com']);
    for (const name of ['script-src', 'connect-src', 'img-src', 'default-src']) expect(csp[name]!.join(' ')).not.toContain('amazonaws');
  });

  it('adds eval only in development, and no https upgrade on an http trial', () => {
    const dev = directives(contentSecurityPolicy({ appUrl: 'http://127.0.0.1:3000', livekitUrl: 'ws://127.0.0.1:7880', nonce: 'n', dev: true }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['upgrade-insecure-requests']).toBeUndefined();
    expect(dev['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:7880', 'http://127.0.0.1:7880', 'ws:']);
    const prod = directives(contentSecurityPolicy({ appUrl: 'http://127.0.0.1:3000', livekitUrl: null, nonce: 'n', dev: false }));
    expect(prod['script-src']).not.toContain("'unsafe-eval'");
    expect(prod['connect-src']).toEqual(["'self'"]);
  });

  it('sends HSTS only over https, and the rest always', () => {
    const https = securityHeaders({ appUrl: 'https://halaqa.example', livekitUrl: null, nonce: 'n', dev: false });
    expect(https['strict-transport-security']).toMatch(/^max-age=\d+/);
    const http = securityHeaders({ appUrl: 'http://127.0.0.1:3000', livekitUrl: null, nonce: 'n', dev: false });
    expect(http['strict-transport-security']).toBeUndefined();
    for (const h of [https, http]) {
      expect(h).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' });
      expect(h['permissions-policy']).toContain('camera=(self)');
      expect(h['permissions-policy']).toContain('microphone=(self)');
    }
  });
});

describe('STATIC_SECURITY_HEADERS', () => {
  it('lets API answers and static files load nothing and be framed by no one', () => {
    expect(STATIC_SECURITY_HEADERS['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(STATIC_SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
  });
});
