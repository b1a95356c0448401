'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, QueryState } from '../badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope, useAdminHref } from './admin-scope';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorText } from '@/components/ui/notice';
import { ActionsHeader, Table } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { ScheduleState } from '@/shared/groups';

const STATE_TONE: Record<ScheduleState, BadgeTone> = { active: 'success', paused: 'warning', ended: 'muted' };

/** Weekly recurring schedules (docs/rules.md, Weekly schedules): the academy's schedules, their state, and what a manager can do with each. */
export function AdminSchedules() {
  const { t } = useText();
  const href = useAdminHref();
  return (
    <>
      <h1>{t('schedules')}</h1>
      <p>
        <Button asChild>
          <Link href={href('/admin/schedules/new')}>{t('scheduleEdit.new')}</Link>
        </Button>
      </p>
      <SchedulesTable />
    </>
  );
}

export function StateBadge({ state }: { state: ScheduleState }) {
  const { t } = useText();
  return (
    <Badge tone={STATE_TONE[state]} data-state={state}>
      {t(`scheduleEdit.state.${state}` as TextKey)}
    </Badge>
  );
}

/** Pause, resume and end: each regenerates the schedule's future and is refused (CONFLICT) from the wrong state. */
export function useScheduleActions() {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = async (change: { created: number; removed: number }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.scheduling.pathKey() });
    toast.success(t('scheduleEdit.changed', { created: change.created, removed: change.removed }));
  };
  return {
    pause: useMutation(trpc.scheduling.pauseSchedule.mutationOptions({ onSuccess })),
    resume: useMutation(trpc.scheduling.resumeSchedule.mutationOptions({ onSuccess })),
    end: useMutation(trpc.scheduling.endSchedule.mutationOptions({ onSuccess })),
  };
}

export function ScheduleActions({ scheduleId, state, title }: { scheduleId: number; state: ScheduleState; title: string }) {
  const { t } = useText();
  const scope = useAcademyScope();
  const href = useAdminHref();
  const actions = useScheduleActions();
  const ref = { ...scope, scheduleId };
  const error = actions.pause.error ?? actions.resume.error ?? actions.end.error;
  if (state === 'ended') return null;
  return (
    <div className="flex flex-wrap justify-end gap-1">
      <Button asChild variant="ghost" size="sm">
        <Link href={href(`/admin/schedules/${scheduleId}`)} aria-label={`${t('scheduleEdit.edit')}: ${title}`}>
          {t('scheduleEdit.edit')}
        </Link>
      </Button>
      {state === 'active' ? (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" aria-label={`${t('scheduleEdit.pause')}: ${title}`}>
              {t('scheduleEdit.pause')}
            </Button>
          }
          title={t('scheduleEdit.pause')}
          description={t('scheduleEdit.pauseHint')}
          confirmLabel={t('scheduleEdit.pause')}
          variant="primary"
          onConfirm={() => actions.pause.mutate(ref)}
        />
      ) : (
        <Button variant="ghost" size="sm" aria-label={`${t('scheduleEdit.resume')}: ${title}`} onClick={() => actions.resume.mutate(ref)}>
          {t('scheduleEdit.resume')}
        </Button>
      )}
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`${t('scheduleEdit.end')}: ${title}`}>
            {t('scheduleEdit.end')}
          </Button>
        }
        title={t('scheduleEdit.endTitle')}
        description={t('scheduleEdit.endHint')}
        confirmLabel={t('scheduleEdit.end')}
        onConfirm={() => actions.end.mutate(ref)}
      />
      {error && <ErrorText>{error.message}</ErrorText>}
    </div>
  );
}

function SchedulesTable() {
  const { t, locale, formatDateTime } = useText();
  const trpc = useTRPC();
  const schedules = useQuery(trpc.scheduling.listSchedules.queryOptions(useAcademyScope()));
  const items = schedules.data?.items ?? [];
  return (
    <Card aria-labelledby="schedules-heading">
      <h2 id="schedules-heading">{t('academySchedules')}</h2>
      <QueryState loading={schedules.isLoading} error={schedules.error} />
      {schedules.data && items.length === 0 && <p className="text-muted">{t('noSchedules')}</p>}
      {items.length > 0 && (
        <Table data-testid="schedules-table">
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('teacher')}</th>
              <th scope="col">{t('weekdays')}</th>
              <th scope="col">{t('localTime')}</th>
              <th scope="col">{t('upcomingOfTotal')}</th>
              <th scope="col">{t('next')}</th>
              <th scope="col">{t('scheduleEdit.stateLabel')}</th>
              <ActionsHeader label={t('scheduleEdit.actions')} />
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-testid={`schedule-${s.id}`}>
                <td>
                  {s.title}
                  <div className="text-muted">
                    <KindLabel kind={s.kind} />
                  </div>
                </td>
                <td>{s.teacherName}</td>
                <td>{s.weekdays.map((d) => t(`weekday.${d}` as TextKey)).join(locale === 'ar' ? '، ' : ', ')}</td>
                <td>
                  <span dir="ltr">{s.localTime}</span> <span className="text-muted">({s.timezone})</span>
                </td>
                <td>
                  {s.upcomingSessions} / {s.totalSessions}
                </td>
                <td>{s.nextAt ? formatDateTime(s.nextAt) : '—'}</td>
                <td>
                  <StateBadge state={s.state as ScheduleState} />
                </td>
                <td>
                  <ScheduleActions scheduleId={s.id} state={s.state as ScheduleState} title={s.title} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
