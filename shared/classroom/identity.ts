/**
 * Participant identities `{userId}_{slug(name)}` (docs/rules.md#meetings). The user id makes
 * them unique; the slug makes them readable in LiveKit's logs. Arabic is
 * transliterated so identities stay ASCII (the way Laravel's Str::slug does).
 */
const ARABIC_TO_LATIN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'aa', ٱ: 'a', ء: '', ؤ: 'w', ئ: 'y', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h',
  خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: 'a',
  غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'h', و: 'w', ي: 'y', ى: 'a',
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y',
};

const MAX_SLUG_LENGTH = 40;

export function slugifyName(name: string): string {
  const latin = Array.from(name.normalize('NFKC'))
    .map((ch) => ARABIC_TO_LATIN[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    // Combining marks: Latin accents and Arabic harakat alike.
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = latin.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  return cut || 'user';
}

export function participantIdentity(userId: number, name: string): string {
  return `${userId}_${slugifyName(name)}`;
}

/** The user id an identity claims; the caller checks it against the DB. */
export function userIdFromIdentity(identity: string): number | null {
  const match = /^(\d{1,15})_/.exec(identity);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
