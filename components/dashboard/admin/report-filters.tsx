'use client';

import { useQuery } from '@tanstack/react-query';
import { Filter } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import type { SessionKind } from '@/server/db/schema/enums';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';

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
    <form className="flex flex-wrap items-end gap-3 [&>label]:min-w-40" onSubmit={submit} aria-label={t('filters')}>
      <Field htmlFor={`${id}-from`} label={t('from')}>
        <Input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} required />
      </Field>
      <Field htmlFor={`${id}-to`} label={t('to')}>
        <Input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required />
      </Field>
      <Field htmlFor={`${id}-teacher`} label={t('teacher')}>
        <Select
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
        </Select>
      </Field>
      <Field htmlFor={`${id}-kind`} label={t('kindLabel')}>
        <Select id={`${id}-kind`} value={draft.kind ?? ''} onChange={(e) => setDraft({ ...draft, kind: (e.target.value || undefined) as SessionKind | undefined })}>
          <option value="">{t('allKinds')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}` as TextKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field htmlFor={`${id}-status`} label={t(statusLabel)}>
        <Select id={`${id}-status`} value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: e.target.value || undefined })}>
          <option value="">{t('allStatuses')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`${statusPrefix}${status}` as TextKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit">
        <Filter aria-hidden />
        {t('apply')}
      </Button>
      {problem && (
        <ErrorText className="m-0 basis-full">
          {t(problem)}
        </ErrorText>
      )}
    </form>
  );
}
