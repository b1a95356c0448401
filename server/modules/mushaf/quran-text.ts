/**
 * The Quran's Arabic text (Uthmani script) from the quran-json package
 * (CC-BY-4.0; its text is from The Noble Qur'an Encyclopedia), shipped with
 * the app: read from node_modules once, never fetched at run time. The
 * parsed text is immutable, so keeping it in memory holds no state another
 * instance would need.
 */
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ayahCount } from '@/shared/quran/surahs';

interface Chapter {
  id: number;
  name: string;
  transliteration: string;
  total_verses: number;
  verses: { id: number; text: string }[];
}

export interface SurahText {
  surah: number;
  nameAr: string;
  nameEn: string;
  verses: { ayah: number; text: string }[];
}

/** next.config.ts traces this file into the server build (outputFileTracingIncludes). */
export const QURAN_JSON = path.join(process.cwd(), 'node_modules', 'quran-json', 'dist', 'quran.json');

let loading: Promise<Chapter[]> | null = null;

function chapters(): Promise<Chapter[]> {
  loading ??= readFile(QURAN_JSON, 'utf8').then((text) => {
    const parsed = JSON.parse(text) as Chapter[];
    // The package and the metadata must agree on the numbering, or ranges would point at the wrong text.
    if (parsed.length !== 114 || parsed.some((c, i) => c.id !== i + 1 || c.verses.length !== ayahCount(i + 1))) {
      throw new Error('quran-json does not match the Hafs numbering of quran-meta');
    }
    return parsed;
  });
  loading.catch(() => (loading = null));
  return loading;
}

/** The surah's ayahs fromAyah … toAyah (bounds already checked by the caller's schema). */
export async function getSurahText(input: { surah: number; fromAyah: number; toAyah: number }): Promise<SurahText> {
  const chapter = (await chapters())[input.surah - 1]!;
  return {
    surah: chapter.id,
    nameAr: chapter.name,
    nameEn: chapter.transliteration,
    verses: chapter.verses.filter((v) => v.id >= input.fromAyah && v.id <= input.toAyah).map((v) => ({ ayah: v.id, text: v.text })),
  };
}
