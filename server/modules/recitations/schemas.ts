import 'server-only';
import { z } from 'zod';
import { idInput, sessionIdInput } from '@/server/lib/schemas';
import { checkReportRange, reportDate } from '@/server/modules/academies';
import { rangeIndexes, rangeProblem } from '@/shared/quran/range';
import { ayahIndex, isAyahOf } from '@/shared/quran/surahs';
import { MAX_MISTAKES, MISTAKE_KINDS } from '@/shared/quran/mistakes';
import { GRADE_SCALES } from '@/shared/quran/grades';

export const RECITATION_KINDS = ['memorisation', 'revision'] as const;

const surah = z.number().int().min(1).max(114);
const ayah = z.number().int().min(1).max(286);

const mistake = z.object({ kind: z.enum(MISTAKE_KINDS), surah: surah.optional(), ayah: ayah.optional() }).strict();

/** What was recited and how well; the range's bounds come from the surah metadata (shared/quran/range.ts). */
const recitationFields = z
  .object({
    kind: z.enum(RECITATION_KINDS),
    fromSurah: surah,
    fromAyah: ayah,
    toSurah: surah,
    toAyah: ayah,
    mistakes: z.array(mistake).max(MAX_MISTAKES),
    /** Checked against the academy's scale by the use case. */
    grade: z.string().trim().min(1).max(20).nullable(),
    note: z.string().trim().max(2000).nullable(),
  })
  .strict();

type Fields = z.infer<typeof recitationFields>;

function checkRange(v: Fields, ctx: z.RefinementCtx) {
  const problem = rangeProblem(v);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem, path: ['toAyah'] });
    return;
  }
  const [first, last] = rangeIndexes(v);
  v.mistakes.forEach((m, i) => {
    if (m.surah === undefined && m.ayah === undefined) return;
    if (m.surah === undefined || m.ayah === undefined || !isAyahOf(m.surah, m.ayah)) {
      ctx.addIssue({ code: 'custom', message: 'a mistake names a surah and an ayah of it, or neither', path: ['mistakes', i] });
      return;
    }
    const at = ayahIndex(m.surah, m.ayah);
    if (at < first || at > last) ctx.addIssue({ code: 'custom', message: 'a mistake outside the recited ayahs', path: ['mistakes', i] });
  });
}

export const recordRecitationInput = sessionIdInput.extend({ studentId: idInput }).merge(recitationFields).strict().superRefine(checkRange);
export type RecordRecitationInput = z.infer<typeof recordRecitationInput>;

export const updateRecitationInput = recitationFields.extend({ recitationId: idInput }).strict().superRefine(checkRange);
export type UpdateRecitationInput = z.infer<typeof updateRecitationInput>;

export const progressInput = z.object({ studentId: idInput, last: z.number().int().min(1).max(100).optional() }).strict();
export type ProgressInput = z.infer<typeof progressInput>;

/** A report over the academy's local dates, as the attendance reports (academies/report-range.ts). */
export const academyRecitationsInput = z.object({ academyId: idInput.optional(), from: reportDate, to: reportDate }).strict().superRefine(checkReportRange);
export type AcademyRecitationsInput = z.infer<typeof academyRecitationsInput>;

export const gradeScaleInput = z.object({ academyId: idInput.optional(), scale: z.enum(GRADE_SCALES) }).strict();
export type GradeScaleInput = z.infer<typeof gradeScaleInput>;
