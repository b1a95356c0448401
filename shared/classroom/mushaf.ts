/**
 * The shared Mushaf's view (docs/rules.md#teaching-tools): one surah, an ayah range
 * of it, and the ayah being recited. The teacher (or a manager) sets it;
 * everyone in the room follows. Pure.
 */
import { isAyahOf } from '@/shared/quran/surahs';

export interface MushafView {
  surah: number;
  fromAyah: number;
  toAyah: number;
  /** The ayah being recited, within fromAyah … toAyah; null = none. */
  highlight: number | null;
}

export function mushafProblem(v: MushafView): 'no_such_ayah' | 'from_after_to' | 'highlight_outside' | null {
  if (!isAyahOf(v.surah, v.fromAyah) || !isAyahOf(v.surah, v.toAyah)) return 'no_such_ayah';
  if (v.fromAyah > v.toAyah) return 'from_after_to';
  if (v.highlight !== null && (v.highlight < v.fromAyah || v.highlight > v.toAyah)) return 'highlight_outside';
  return null;
}

export function isMushafView(value: unknown): value is MushafView {
  const v = value as Partial<MushafView> | null;
  if (!v || typeof v !== 'object') return false;
  if (v.highlight !== null && typeof v.highlight !== 'number') return false;
  return mushafProblem(v as MushafView) === null;
}
