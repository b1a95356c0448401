/** The academy's recitation grade scale (shared/quran/grades.ts), set by its admins. */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies } from '@/server/db/schema';
import type { Academy } from '@/server/modules/academies';
import { gradesOf, type GradeScale } from '@/shared/quran/grades';

export async function setGradeScale(deps: Pick<Deps, 'db'>, academy: Academy, scale: GradeScale) {
  await deps.db.update(academies).set({ recitationGradeScale: scale }).where(eq(academies.id, academy.id));
  return { academyId: academy.id, scale, grades: gradesOf(scale) };
}
