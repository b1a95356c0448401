import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { CalendarPage } from '@/components/calendar/calendar-page';
import { isManager } from '@/components/dashboard/home-path';
import { requireActor } from '../_lib/require-actor';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The week calendar, for managers and teachers. `?date=YYYY-MM-DD` opens the
 * week holding that date; the super admin names the academy with `?academy=`
 * (every academy without it).
 */
export default async function Calendar({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor(['super_admin', 'academy_admin', 'supervisor', 'teacher']);
  const params = await searchParams;
  const date = typeof params.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : undefined;
  const rawAcademy = params.academy;
  const academyId =
    actor.role === 'super_admin' && typeof rawAcademy === 'string' && /^[1-9]\d{0,9}$/.test(rawAcademy) && Number(rawAcademy) <= 2_147_483_647
      ? Number(rawAcademy)
      : undefined;
  const page = <CalendarPage academyId={academyId} initialDate={date} />;
  return isManager(actor.role) ? <AdminShell academyId={academyId}>{page}</AdminShell> : page;
}
