import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './same-origin';

const h = (init: Record<string, string>) => new Headers(init);

describe('cross-site request check', () => {
  it('accepts same-origin browser requests', () => {
    expect(isCrossSiteRequest(h({ origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBe(false);
  });
  it('accepts non-browser clients without Origin', () => {
    expect(isCrossSiteRequest(h({ host: 'localhost:3000' }))).toBe(false);
  });
  it('refuses another origin', () => {
    expect(isCrossSiteRequest(h({ origin: 'https://evil.example', host: 'localhost:3000' }))).toBe(true);
  });
  it('refuses what the browser marks cross-site even without Origin', () => {
    expect(isCrossSiteRequest(h({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }))).toBe(true);
  });
  it('refuses a garbage Origin and a missing Host', () => {
    expect(isCrossSiteRequest(h({ origin: 'null', host: 'localhost:3000' }))).toBe(true);
    expect(isCrossSiteRequest(h({ origin: 'http://localhost:3000' }))).toBe(true);
  });
});
