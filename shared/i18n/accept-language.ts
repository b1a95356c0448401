/**
 * The language of a first visit (no cookie, nobody signed in) from the
 * browser's Accept-Language header (RFC 9110 §12.5.4): the supported
 * language the browser ranks highest, by quality then by order; null when it
 * names neither (the caller falls back to its default).
 */
export type SupportedLocale = 'ar' | 'en';

export function localeFromAcceptLanguage(header: string | null | undefined): SupportedLocale | null {
  if (!header) return null;
  let best: { locale: SupportedLocale; q: number; index: number } | null = null;
  header.split(',').forEach((part, index) => {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (primary !== 'ar' && primary !== 'en') return;
    const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    if (!best || q > best.q) best = { locale: primary, q, index };
  });
  return (best as { locale: SupportedLocale } | null)?.locale ?? null;
}
