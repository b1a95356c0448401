'use client';

import { useLocale } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Table } from '@/components/ui/table';
import type { Mistake } from '@/shared/quran/mistakes';
import { surahName } from '@/shared/quran/surahs';
import { gradeLabel, RecitationForm } from './recitation-form';

export interface RecitationRowView {
  id: number;
  sessionId: number;
  sessionTitle: string;
  studentId: number;
  studentName: string;
  kind: string;
  fromSurah: number;
  fromAyah: number;
  toSurah: number;
  toAyah: number;
  mistakes: Mistake[];
  counts: Record<'memorisation' | 'tajweed' | 'pronunciation', number>;
  grade: string | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date | null;
  editable?: boolean;
}

export function useRangeText() {
  const { t } = useText();
  const locale = useLocale() === 'ar' ? 'ar' : 'en';
  return (r: { fromSurah: number; fromAyah: number; toSurah: number; toAyah: number }) =>
    r.fromSurah === r.toSurah
      ? t('recitation.rangeOneSurah', { surah: surahName(r.fromSurah, locale), from: r.fromAyah, to: r.toAyah })
      : t('recitation.rangeAcross', { fromSurah: surahName(r.fromSurah, locale), from: r.fromAyah, toSurah: surahName(r.toSurah, locale), to: r.toAyah });
}

/**
 * Recitations as a table: student (linked to their progress), what was
 * recited, mistakes by kind, grade, note, when. Rows the viewer may still
 * change open the form in place.
 */
export function RecitationList({
  rows,
  showSession = false,
  edit,
}: {
  rows: RecitationRowView[];
  showSession?: boolean;
  edit?: { sessionId: number; grades: string[] };
}) {
  const { t, formatDateTime } = useText();
  const rangeText = useRangeText();
  const [editing, setEditing] = useState<number | null>(null);
  if (rows.length === 0) return <p className="text-muted">{t('recitation.none')}</p>;
  return (
    <Table data-testid="recitation-list">
      <thead>
        <tr>
          <th scope="col">{t('recitation.student')}</th>
          {showSession && <th scope="col">{t('session')}</th>}
          <th scope="col">{t('recitation.recited')}</th>
          <th scope="col">{t('recitation.mistakes')}</th>
          <th scope="col">{t('recitation.gradeLabel')}</th>
          <th scope="col">{t('recitation.note')}</th>
          <th scope="col">{t('recitation.when')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`recitation-${r.id}`}>
            <td>
              <Link href={`/progress/${r.studentId}`}>{r.studentName}</Link>
            </td>
            {showSession && (
              <td>
                <Link href={`/sessions/${r.sessionId}`}>{r.sessionTitle}</Link>
              </td>
            )}
            <td>
              <span className="block">{rangeText(r)}</span>
              <span className="text-sm text-muted">{t(`recitation.kind.${r.kind === 'revision' ? 'revision' : 'memorisation'}`)}</span>
            </td>
            <td data-testid="recitation-mistakes">
              {t('recitation.mistakeSummary', { memorisation: r.counts.memorisation, tajweed: r.counts.tajweed, pronunciation: r.counts.pronunciation })}
            </td>
            <td>{r.grade ? gradeLabel(t, r.grade) : '—'}</td>
            <td className="max-w-60 whitespace-pre-wrap">{r.note ?? ''}</td>
            <td>
              {formatDateTime(r.createdAt)}
              {r.updatedAt && <span className="block text-sm text-muted">{t('recitation.edited', { when: formatDateTime(r.updatedAt) })}</span>}
              {edit && r.editable && (
                <Button size="sm" variant="ghost" onClick={() => setEditing(editing === r.id ? null : r.id)} data-testid={`recitation-edit-${r.id}`}>
                  {t('recitation.edit')}
                </Button>
              )}
              {edit && editing === r.id && (
                <div className="mt-2 min-w-[min(40rem,80vw)]">
                  <RecitationForm
                    sessionId={edit.sessionId}
                    students={[]}
                    grades={edit.grades}
                    recitationId={r.id}
                    initial={{ ...r, studentId: r.studentId, kind: r.kind === 'revision' ? 'revision' : 'memorisation', note: r.note ?? '' }}
                    onDone={() => setEditing(null)}
                  />
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
