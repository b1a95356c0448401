'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { audienceInput, EMPTY_SESSION_FIELDS, SessionFields } from './session-fields';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Check, Field, FieldGroup, FormActions, formGridClass, Input } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** A new weekly recurring schedule (docs/rules.md, Sessions): its sessions are made at once, in the academy's timezone. */
export function WeeklyScheduleForm() {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const id = useId();
  const [fields, setFields] = useState(EMPTY_SESSION_FIELDS);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [startDate, setStartDate] = useState('');
  const [endMode, setEndMode] = useState<'count' | 'endDate'>('count');
  const [count, setCount] = useState('8');
  const [endDate, setEndDate] = useState('');
  const [problem, setProblem] = useState(false);
  const create = useMutation(
    trpc.scheduling.createWeeklySchedule.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.scheduling.listSchedules.pathKey() }),
    }),
  );

  function toggleDay(day: number, on: boolean) {
    setWeekdays((days) => (on ? [...days, day].sort() : days.filter((d) => d !== day)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(weekdays.length === 0);
    if (weekdays.length === 0) return;
    create.mutate({
      ...scope,
      kind: fields.kind,
      title: fields.title,
      teacherId: Number(fields.teacherId),
      ...audienceInput(fields),
      weekdays,
      localTime: fields.localTime,
      durationMinutes: Number(fields.durationMinutes),
      startDate,
      ...(endMode === 'count' ? { count: Number(count) } : { endDate }),
    });
  }

  const created = create.data;
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('createWeeklySchedule')}</h2>
      <p className="text-muted">{t('academyTimeHint')}</p>
      <form className={formGridClass} onSubmit={submit} data-testid="weekly-schedule-form">
        <SessionFields idPrefix={id} value={fields} onChange={setFields} />
        <FieldGroup legend={t('weekdays')} className="col-span-full">
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {WEEKDAYS.map((day) => (
              <Check key={day} label={t(`weekday.${day}` as TextKey)} checked={weekdays.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} />
            ))}
          </div>
          {problem && (
            <ErrorText>
              {t('chooseWeekday')}
            </ErrorText>
          )}
        </FieldGroup>
        <Field htmlFor={`${id}-start`} label={t('startDate')}>
          <Input id={`${id}-start`} type="date" value={startDate} required onChange={(e) => setStartDate(e.target.value)} />
        </Field>
        <FieldGroup legend={t('ends')}>
          <Check type="radio" name={`${id}-end`} label={t('afterCount')} checked={endMode === 'count'} onChange={() => setEndMode('count')} />
          <Check type="radio" name={`${id}-end`} label={t('onDate')} checked={endMode === 'endDate'} onChange={() => setEndMode('endDate')} />
        </FieldGroup>
        {endMode === 'count' ? (
          <Field htmlFor={`${id}-count`} label={t('occurrences')}>
            <Input id={`${id}-count`} type="number" min={1} max={500} value={count} required onChange={(e) => setCount(e.target.value)} />
          </Field>
        ) : (
          <Field htmlFor={`${id}-end-date`} label={t('endDate')}>
            <Input id={`${id}-end-date`} type="date" value={endDate} required onChange={(e) => setEndDate(e.target.value)} />
          </Field>
        )}
        <FormActions>
          <Button type="submit" disabled={create.isPending}>
            {t('createWeeklySchedule')}
          </Button>
        </FormActions>
      </form>
      {create.error && (
        <ErrorText>
          {create.error.message}
        </ErrorText>
      )}
      {created && (
        <Notice role="status">
          {t('scheduleCreated', { count: created.sessions.length })}
        </Notice>
      )}
    </Card>
  );
}
