'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, QueryState } from '../badges';
import { useText, type TextKey } from '../use-text';
import { useAcademyScope } from './admin-scope';
import { audienceInput, EMPTY_SESSION_FIELDS, SessionFields } from './session-fields';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Weekly recurring schedules (SPEC 3): the form, and the academy's schedules with their remaining sessions. */
export function AdminSchedules() {
  const { t } = useText();
  return (
    <>
      <h1>{t('schedules')}</h1>
      <WeeklyScheduleForm />
      <SchedulesTable />
    </>
  );
}

function WeeklyScheduleForm() {
  const { t, tf } = useText();
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
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('createWeeklySchedule')}</h2>
      <p className="muted">{t('academyTimeHint')}</p>
      <form className="grid-form" onSubmit={submit} data-testid="weekly-schedule-form">
        <SessionFields idPrefix={id} value={fields} onChange={setFields} />
        <fieldset className="span-all">
          <legend>{t('weekdays')}</legend>
          <div className="checks">
            {WEEKDAYS.map((day) => (
              <label key={day} className="check">
                <input type="checkbox" checked={weekdays.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} />
                {t(`weekday.${day}` as TextKey)}
              </label>
            ))}
          </div>
          {problem && (
            <p role="alert" className="error">
              {t('chooseWeekday')}
            </p>
          )}
        </fieldset>
        <label htmlFor={`${id}-start`}>
          {t('startDate')}
          <input id={`${id}-start`} type="date" value={startDate} required onChange={(e) => setStartDate(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('ends')}</legend>
          <label className="check">
            <input type="radio" name={`${id}-end`} checked={endMode === 'count'} onChange={() => setEndMode('count')} />
            {t('afterCount')}
          </label>
          <label className="check">
            <input type="radio" name={`${id}-end`} checked={endMode === 'endDate'} onChange={() => setEndMode('endDate')} />
            {t('onDate')}
          </label>
        </fieldset>
        {endMode === 'count' ? (
          <label htmlFor={`${id}-count`}>
            {t('occurrences')}
            <input id={`${id}-count`} type="number" min={1} max={500} value={count} required onChange={(e) => setCount(e.target.value)} />
          </label>
        ) : (
          <label htmlFor={`${id}-end-date`}>
            {t('endDate')}
            <input id={`${id}-end-date`} type="date" value={endDate} required onChange={(e) => setEndDate(e.target.value)} />
          </label>
        )}
        <div className="form-actions">
          <button className="btn" type="submit" disabled={create.isPending}>
            {t('createWeeklySchedule')}
          </button>
        </div>
      </form>
      {create.error && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
      {created && (
        <p role="status" className="notice">
          {tf('scheduleCreated', { count: created.sessions.length })}
        </p>
      )}
    </section>
  );
}

function SchedulesTable() {
  const { t, locale, formatDateTime } = useText();
  const trpc = useTRPC();
  const schedules = useQuery(trpc.scheduling.listSchedules.queryOptions(useAcademyScope()));
  const items = schedules.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="schedules-heading">
      <h2 id="schedules-heading">{t('academySchedules')}</h2>
      <QueryState loading={schedules.isLoading} error={schedules.error} />
      {schedules.data && items.length === 0 && <p className="muted">{t('noSchedules')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table data-testid="schedules-table">
            <thead>
              <tr>
                <th scope="col">{t('title')}</th>
                <th scope="col">{t('teacher')}</th>
                <th scope="col">{t('weekdays')}</th>
                <th scope="col">{t('localTime')}</th>
                <th scope="col">{t('upcomingOfTotal')}</th>
                <th scope="col">{t('next')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.title}
                    <div className="muted">
                      <KindLabel kind={s.kind} />
                    </div>
                  </td>
                  <td>{s.teacherName}</td>
                  <td>{s.weekdays.map((d) => t(`weekday.${d}` as TextKey)).join(locale === 'ar' ? '، ' : ', ')}</td>
                  <td>
                    <span dir="ltr">{s.localTime}</span> <span className="muted">({s.timezone})</span>
                  </td>
                  <td>
                    {s.upcomingSessions} / {s.totalSessions}
                  </td>
                  <td>{s.nextAt ? formatDateTime(s.nextAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
