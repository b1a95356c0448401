/**
 * The academies a sweep looks at, with their video settings (defaults where
 * an academy has no settings row), optionally narrowed to one academy by
 * slug or id.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academies, academyVideoSettings } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import { DEFAULT_ACADEMY_VIDEO_SETTINGS, type AcademyVideoSettings } from '@/server/modules/academies';
import type { AcademyRef } from './report';

export interface SweepAcademy {
  id: number;
  slug: string;
  timezone: string;
  active: boolean;
  settings: AcademyVideoSettings;
}

const MAX_INT4 = 2_147_483_647;

/** A filter of digits is an id, anything else a slug. */
export function parseAcademyFilter(filter: string | number): { id: number } | { slug: string } {
  if (typeof filter === 'number') return { id: filter };
  const trimmed = filter.trim();
  return /^\d{1,10}$/.test(trimmed) ? { id: Number(trimmed) } : { slug: trimmed.toLowerCase() };
}

export async function loadSweepAcademies(db: DbExecutor, filter?: string | number): Promise<{ academies: SweepAcademy[]; selected: AcademyRef | null }> {
  const parsed = filter === undefined ? null : parseAcademyFilter(filter);
  if (parsed && 'id' in parsed && (!Number.isSafeInteger(parsed.id) || parsed.id < 1 || parsed.id > MAX_INT4)) {
    throw new DomainError('NOT_FOUND', `No academy with id ${parsed.id}`);
  }
  const rows = await db
    .select({ academy: academies, settings: academyVideoSettings })
    .from(academies)
    .leftJoin(academyVideoSettings, eq(academyVideoSettings.academyId, academies.id))
    .where(parsed === null ? undefined : 'id' in parsed ? eq(academies.id, parsed.id) : eq(academies.slug, parsed.slug))
    .orderBy(asc(academies.id));
  if (parsed && rows.length === 0) {
    throw new DomainError('NOT_FOUND', `No academy with ${'id' in parsed ? `id ${parsed.id}` : `slug ${JSON.stringify(parsed.slug)}`}`);
  }
  const list = rows.map(({ academy, settings }) => ({
    id: academy.id,
    slug: academy.slug,
    timezone: academy.timezone,
    active: academy.active,
    settings: settings ?? { ...DEFAULT_ACADEMY_VIDEO_SETTINGS, academyId: academy.id, updatedAt: new Date(0) },
  }));
  const selected = parsed && list[0] ? { academyId: list[0].id, slug: list[0].slug } : null;
  return { academies: list, selected };
}
