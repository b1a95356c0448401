/**
 * The address a sign-in came from, for the per-address throttle. Next's
 * server appends the socket's peer to X-Forwarded-For, so the last entry is
 * the one no client can write; behind a reverse proxy (which appends too) it
 * is the address the proxy saw.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (!value) return null;
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
  return entries.at(-1) ?? null;
}
