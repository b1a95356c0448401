'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import type { SessionKind } from '@/server/db/schema/enums';
import { useText, type TextKey } from '../use-text';
import { useAcademyScope } from './admin-scope';

export const KINDS: SessionKind[] = ['quran', 'academic', 'interactive_course'];

export interface ReportFilterValues {
  from: string;
  to: string;
  teacherId?: number;
  kind?: SessionKind;
  status?: string;
}

const MAX_DAYS = 366;

function rangeProblem(from: string, to: string): 'rangeMissing' | 'rangeReversed' | 'rangeTooLong' | null {
  if (!from || !to) return 'rangeMissing';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) return 'rangeReversed';
  return days > MAX_DAYS ? 'rangeTooLong' : null;
}

/**
 * Date range, teacher, kind and status filters, applied on submit so a
 * half-typed date never reaches the server. `statuses` are the values the
 * status select offers, `statusPrefix` their message keys.
 */
export function ReportFilters({
  value,
  onApply,
  statuses,
  statusPrefix,
  statusLabel,
}: {
  value: ReportFilterValues;
  onApply: (next: ReportFilterValues) => void;
  statuses: readonly string[];
  statusPrefix: 'attendance.' | 'status.';
  statusLabel: TextKey;
}) {
  const { t } = useText();
  const trpc = useTRPC();
  const directory = useQuery(trpc.academies.directory.queryOptions(useAcademyScope()));
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<TextKey | null>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = rangeProblem(draft.from, draft.to);
    setProblem(found);
    if (!found) onApply(draft);
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={t('filters')}>
      <label htmlFor={`${id}-from`}>
        {t('from')}
        <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} required />
      </label>
      <label htmlFor={`${id}-to`}>
        {t('to')}
        <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required />
      </label>
      <label htmlFor={`${id}-teacher`}>
        {t('teacher')}
        <select
          id={`${id}-teacher`}
          value={draft.teacherId ?? ''}
          onChange={(e) => setDraft({ ...draft, teacherId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('allTeachers')}</option>
          {directory.data?.teachers.map((teacher) => (
            <option key={teacher.id} value={teacher.id}>
              {teacher.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-kind`}>
        {t('kind')}
        <select id={`${id}-kind`} value={draft.kind ?? ''} onChange={(e) => setDraft({ ...draft, kind: (e.target.value || undefined) as SessionKind | undefined })}>
          <option value="">{t('allKinds')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}` as TextKey)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-status`}>
        {t(statusLabel)}
        <select id={`${id}-status`} value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: e.target.value || undefined })}>
          <option value="">{t('allStatuses')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`${statusPrefix}${status}` as TextKey)}
            </option>
          ))}
        </select>
      </label>
      <div className="filters-actions">
        <button className="btn" type="submit">
          {t('apply')}
        </button>
      </div>
      {problem && (
        <p role="alert" className="error filters-problem">
          {t(problem)}
        </p>
      )}
    </form>
  );
}
