import 'server-only';
import { z } from 'zod';
import { isAyahOf } from '@/shared/quran/surahs';

export const surahTextInput = z
  .object({
    surah: z.number().int().min(1).max(114),
    fromAyah: z.number().int().min(1).max(286),
    toAyah: z.number().int().min(1).max(286),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!isAyahOf(v.surah, v.fromAyah) || !isAyahOf(v.surah, v.toAyah)) ctx.addIssue({ code: 'custom', message: 'no such ayah in this surah', path: ['toAyah'] });
    else if (v.fromAyah > v.toAyah) ctx.addIssue({ code: 'custom', message: 'fromAyah comes after toAyah', path: ['fromAyah'] });
  });
export type SurahTextInput = z.infer<typeof surahTextInput>;
