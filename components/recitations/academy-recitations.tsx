'use client';

import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { QueryState } from '@/components/dashboard/badges';
import { useAcademyScope } from '@/components/dashboard/admin/admin-scope';
import { rangeAround } from '@/components/dashboard/dates';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import { GradeScaleForm } from './grade-scale-form';

interface Group {
  id: number;
  name: string;
  recitations: number;
  ayahs: number;
  mistakes: number;
  averageGrade: number | null;
}

/** The academy's recitations for managers (docs/rules.md#recitation-log): per teacher and per circle over a range, and the CSV file. */
export function AcademyRecitations({ canEdit }: { canEdit: boolean }) {
  const { t, timezone, formatNumber } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const [range, setRange] = useState(() => rangeAround(new Date(), timezone, 30));
  const [draft, setDraft] = useState(range);
  const report = useQuery(trpc.recitation.academy.queryOptions({ ...scope, ...range }));
  const pollStats = useQuery(trpc.poll.academy.queryOptions({ ...scope, ...range }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setRange(draft);
  };
  const params = new URLSearchParams({ from: range.from, to: range.to, ...(scope.academyId ? { academyId: String(scope.academyId) } : {}) });
  const table = (groups: Group[], nameHeader: string, testId: string) => (
    <Table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col">{t('recitation.count')}</th>
          <th scope="col">{t('recitation.ayahs')}</th>
          <th scope="col">{t('recitation.mistakes')}</th>
          <th scope="col">{t('recitation.averageGrade')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.id}>
            <td>{g.name}</td>
            <td>{formatNumber(g.recitations)}</td>
            <td>{formatNumber(g.ayahs)}</td>
            <td>{formatNumber(g.mistakes)}</td>
            <td>{g.averageGrade === null ? '—' : `${formatNumber(g.averageGrade)}%`}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
  return (
    <>
      <h1>{t('recitation.academyTitle')}</h1>
      <Card aria-labelledby="recitation-range">
        <h2 id="recitation-range">{t('filters')}</h2>
        <form className="flex flex-wrap items-end gap-3" onSubmit={apply}>
          <Field label={t('from')}>
            <Input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </Field>
          <Field label={t('to')}>
            <Input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </Field>
          <Button type="submit">{t('apply')}</Button>
          <Button asChild variant="secondary">
            <a href={`/api/recitations/export?${params}`} download data-testid="recitations-export">
              <Download aria-hidden />
              {t('recitation.exportCsv')}
            </a>
          </Button>
        </form>
      </Card>
      <QueryState loading={report.isLoading} error={report.error} />
      {report.data && (
        <>
          <Card aria-labelledby="recitations-by-teacher">
            <h2 id="recitations-by-teacher">{t('recitation.byTeacher')}</h2>
            {report.data.byTeacher.length === 0 ? <p className="text-muted">{t('recitation.none')}</p> : table(report.data.byTeacher, t('recitation.teacher'), 'recitations-by-teacher')}
          </Card>
          <Card aria-labelledby="recitations-by-circle">
            <h2 id="recitations-by-circle">{t('recitation.byCircle')}</h2>
            {report.data.byCircle.length === 0 ? <p className="text-muted">{t('recitation.none')}</p> : table(report.data.byCircle, t('recitation.circle'), 'recitations-by-circle')}
          </Card>
        </>
      )}
      {report.data && <GradeScaleForm key={report.data.scale} scale={report.data.scale} canEdit={canEdit} />}
      {pollStats.data && (
        <Card aria-labelledby="academy-polls">
          <h2 id="academy-polls">{t('poll.academyStats')}</h2>
          <p data-testid="academy-poll-stats">{t('poll.academyStatsLine', { polls: pollStats.data.polls, sessions: pollStats.data.sessions, answers: pollStats.data.answers })}</p>
        </Card>
      )}
    </>
  );
}
