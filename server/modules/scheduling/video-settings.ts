/**
 * An academy's video settings (docs/rules.md#automatic-rooms): read by its managers, changed by its
 * admins. A partial update is merged with what is stored under a row lock
 * (two admins changing different fields both win) and the merged whole is
 * validated before anything is written.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { academyVideoSettings } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { DomainError } from '@/server/lib/domain-error';
import { getAcademyVideoSettings, type Academy, type AcademyVideoSettings } from '@/server/modules/academies';
import type { UpdateVideoSettingsInput } from './schemas';
import { videoSettingsProblems } from './video-settings-rules';

function view(academy: Academy, settings: AcademyVideoSettings) {
  const { academyId: _academyId, updatedAt, ...rest } = settings;
  return { academyId: academy.id, timezone: academy.timezone, ...rest, updatedAt };
}

/** `academy` is the one the caller may act on (resolveAcademy); who may read or change it is the procedure's rule. */
export async function getVideoSettings(deps: Deps, academy: Academy) {
  return view(academy, await getAcademyVideoSettings(deps.db, academy.id));
}

export async function updateVideoSettings(deps: Deps, academy: Academy, input: UpdateVideoSettingsInput) {
  const { academyId: _academyId, ...requested } = input;
  const changes = Object.fromEntries(Object.entries(requested).filter(([, v]) => v !== undefined)) as Partial<AcademyVideoSettings>;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await tx.insert(academyVideoSettings).values({ academyId: academy.id }).onConflictDoNothing();
    const [current] = await tx.select().from(academyVideoSettings).where(eq(academyVideoSettings.academyId, academy.id)).for('update');
    const merged = { ...current!, ...changes };
    const problems = videoSettingsProblems(merged);
    if (problems.length) throw new DomainError('BAD_REQUEST', problems.join('; '));
    const [saved] = await tx
      .update(academyVideoSettings)
      .set({ ...changes, updatedAt: now })
      .where(eq(academyVideoSettings.academyId, academy.id))
      .returning();
    return view(academy, saved!);
  });
}
