'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, QueryState } from '../badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope, useAdminHref } from './admin-scope';
import { ScheduleActions, StateBadge } from './admin-schedules';
import { WEEKDAYS } from './weekly-schedule-form';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Check, Field, FieldGroup, FormActions, formGridClass, Input, Select } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';
import { toast } from '@/components/ui/toast';
import type { ScheduleState } from '@/shared/groups';

interface Values {
  title: string;
  teacherId: string;
  weekdays: number[];
  localTime: string;
  durationMinutes: string;
  endDate: string;
}

/** One weekly schedule: change its days, time, duration, teacher, title or last date; pause, resume or end it. */
export function ScheduleEditor({ scheduleId }: { scheduleId: number }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const href = useAdminHref();
  const id = useId();
  const schedule = useQuery(trpc.scheduling.getSchedule.queryOptions({ ...scope, scheduleId }));
  const directory = useQuery(trpc.academies.directory.queryOptions(scope));
  const [values, setValues] = useState<Values | null>(null);
  const [problem, setProblem] = useState(false);
  const data = schedule.data;
  useEffect(() => {
    if (data)
      setValues({
        title: data.title,
        teacherId: String(data.teacherId),
        weekdays: data.weekdays,
        localTime: data.localTime,
        durationMinutes: String(data.durationMinutes),
        endDate: data.endDate ?? '',
      });
  }, [data]);
  const update = useMutation(
    trpc.scheduling.updateSchedule.mutationOptions({
      onSuccess: async (change) => {
        await queryClient.invalidateQueries({ queryKey: trpc.scheduling.pathKey() });
        toast.success(t('scheduleEdit.changed', { created: change.created, removed: change.removed }));
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setProblem(values.weekdays.length === 0);
    if (values.weekdays.length === 0) return;
    update.mutate({
      ...scope,
      scheduleId,
      title: values.title,
      teacherId: Number(values.teacherId),
      weekdays: values.weekdays,
      localTime: values.localTime,
      durationMinutes: Number(values.durationMinutes),
      ...(values.endDate && values.endDate !== data?.endDate ? { endDate: values.endDate } : {}),
    });
  }

  const set = (patch: Partial<Values>) => setValues((v) => (v ? { ...v, ...patch } : v));
  const ended = data?.state === 'ended';
  return (
    <>
      <p>
        <Link href={href('/admin/schedules')}>{t('scheduleEdit.back')}</Link>
      </p>
      <h1>{t('scheduleEdit.editTitle')}</h1>
      <QueryState loading={schedule.isLoading} error={schedule.error} />
      {data && values && (
        <Card aria-labelledby={`${id}-heading`}>
          <CardHeader>
            <h2 id={`${id}-heading`}>
              {data.title} · <KindLabel kind={data.kind} />
            </h2>
            <div className="flex flex-wrap items-center gap-2">
              <StateBadge state={data.state as ScheduleState} />
              <ScheduleActions scheduleId={data.id} state={data.state as ScheduleState} title={data.title} />
            </div>
          </CardHeader>
          <p className="text-muted">
            {t('scheduleEdit.futureOnly')} {t('scheduleEdit.timezoneOfSchedule', { timezone: data.timezone })}
          </p>
          {ended ? (
            <Notice role="status">{t('scheduleEdit.endedNotice')}</Notice>
          ) : (
            <form className={formGridClass} onSubmit={submit} data-testid="schedule-edit-form">
              <Field htmlFor={`${id}-title`} label={t('title')}>
                <Input id={`${id}-title`} value={values.title} maxLength={200} required onChange={(e) => set({ title: e.target.value })} />
              </Field>
              <Field htmlFor={`${id}-teacher`} label={t('teacher')}>
                <Select id={`${id}-teacher`} value={values.teacherId} required onChange={(e) => set({ teacherId: e.target.value })}>
                  {directory.data?.teachers.map((teacher) => (
                    <option key={teacher.id} value={teacher.id}>
                      {teacher.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <FieldGroup legend={t('weekdays')} className="col-span-full">
                <div className="flex flex-wrap gap-x-4 gap-y-2">
                  {WEEKDAYS.map((day) => (
                    <Check
                      key={day}
                      label={t(`weekday.${day}` as TextKey)}
                      checked={values.weekdays.includes(day)}
                      onChange={(e) => set({ weekdays: e.target.checked ? [...values.weekdays, day].sort() : values.weekdays.filter((d) => d !== day) })}
                    />
                  ))}
                </div>
                {problem && <ErrorText>{t('chooseWeekday')}</ErrorText>}
              </FieldGroup>
              <Field htmlFor={`${id}-time`} label={t('localTime')}>
                <Input id={`${id}-time`} type="time" value={values.localTime} required onChange={(e) => set({ localTime: e.target.value })} />
              </Field>
              <Field htmlFor={`${id}-duration`} label={t('durationMinutes')}>
                <Input
                  id={`${id}-duration`}
                  type="number"
                  min={1}
                  max={600}
                  value={values.durationMinutes}
                  required
                  onChange={(e) => set({ durationMinutes: e.target.value })}
                />
              </Field>
              <Field htmlFor={`${id}-until`} label={t('scheduleEdit.until')}>
                <Input id={`${id}-until`} type="date" value={values.endDate} onChange={(e) => set({ endDate: e.target.value })} />
              </Field>
              <FormActions>
                <Button type="submit" disabled={update.isPending}>
                  {t('scheduleEdit.save')}
                </Button>
              </FormActions>
            </form>
          )}
          {update.error && <ErrorText>{update.error.message}</ErrorText>}
        </Card>
      )}
    </>
  );
}
