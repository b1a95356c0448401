'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale } from 'next-intl';
import Link from 'next/link';
import { MistakesChart } from '@/components/charts/mistakes-chart';
import { QueryState } from '@/components/dashboard/badges';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { surahName } from '@/shared/quran/surahs';
import { RecitationList } from './recitation-list';

/**
 * A student's recitation progress (docs/rules.md#recitation-log), for the student, their
 * parents, their teachers and managers: what is memorised so far by surah
 * and juz, mistakes over time, the last recitations.
 */
export function StudentProgress({ studentId }: { studentId: number }) {
  const { t, formatDate, formatNumber } = useText();
  const locale = useLocale() === 'ar' ? 'ar' : 'en';
  const trpc = useTRPC();
  const progress = useQuery(trpc.recitation.progress.queryOptions({ studentId, last: 10 }));
  if (!progress.data) {
    return (
      <>
        <h1>{t('recitation.progressTitle')}</h1>
        <QueryState loading={progress.isLoading} error={progress.error} />
        <Link href="/">{t('backHome')}</Link>
      </>
    );
  }
  const { student, memorised, chart, last, total } = progress.data;
  const labels = { memorisation: t('recitation.mistake.memorisation'), tajweed: t('recitation.mistake.tajweed'), pronunciation: t('recitation.mistake.pronunciation') };
  const percent = (n: number, of: number) => `${formatNumber(Math.round((n / of) * 1000) / 10)}%`;
  return (
    <>
      <h1>{t('recitation.progressOf', { name: student.name })}</h1>
      <Card aria-labelledby="memorised">
        <h2 id="memorised">{t('recitation.memorisedSoFar')}</h2>
        <p data-testid="memorised-ayahs">{t('recitation.memorisedAyahs', { count: memorised.ayahs, recitations: total })}</p>
        {memorised.surahs.length > 0 && (
          <div className="grid gap-4 md:grid-cols-2">
            <Table data-testid="memorised-surahs">
              <caption className="text-start font-semibold">{t('recitation.bySurah')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tools.surah')}</th>
                  <th scope="col">{t('recitation.ayahsCovered')}</th>
                </tr>
              </thead>
              <tbody>
                {memorised.surahs.map((s) => (
                  <tr key={s.surah}>
                    <td>{t('tools.surahOption', { number: s.surah, name: surahName(s.surah, locale) })}</td>
                    <td>
                      {s.covered} / {s.total} ({percent(s.covered, s.total)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Table data-testid="memorised-juz">
              <caption className="text-start font-semibold">{t('recitation.byJuz')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('recitation.juz')}</th>
                  <th scope="col">{t('recitation.ayahsCovered')}</th>
                </tr>
              </thead>
              <tbody>
                {memorised.juz.map((j) => (
                  <tr key={j.juz}>
                    <td>{j.juz}</td>
                    <td>
                      {j.covered} / {j.total} ({percent(j.covered, j.total)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>
      <Card aria-labelledby="mistakes-over-time">
        <h2 id="mistakes-over-time">{t('recitation.mistakesOverTime')}</h2>
        {chart.length === 0 ? (
          <p className="text-muted">{t('recitation.none')}</p>
        ) : (
          <MistakesChart
            data={chart.map((p) => ({ label: formatDate(p.at), memorisation: p.memorisation, tajweed: p.tajweed, pronunciation: p.pronunciation }))}
            labels={labels}
            caption={t('recitation.mistakesPerRecitation')}
            labelHeader={t('recitation.when')}
            rtl={locale === 'ar'}
          />
        )}
      </Card>
      <Card aria-labelledby="last-recitations">
        <h2 id="last-recitations">{t('recitation.lastRecitations')}</h2>
        <RecitationList rows={last} showSession />
      </Card>
    </>
  );
}
