'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from './badges';
import { useText } from '@/components/i18n/use-text';
import { Card } from '@/components/ui/card';
import { ActionsHeader, Table } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { AcademyActions, CreateAcademyForm } from '@/components/people/academy-admin';

/** docs/rules.md, Dashboards, super admin: every academy, its size and activity, and a way into its dashboard. */
export function SuperHome() {
  const { t, locale, formatNumber } = useText();
  const trpc = useTRPC();
  const academies = useQuery({ ...trpc.academies.list.queryOptions(), refetchInterval: 30_000 });
  return (
    <>
      <h1>{t('academies')}</h1>
      <Card aria-labelledby="academies-heading">
        <h2 id="academies-heading" className="sr-only">
          {t('academies')}
        </h2>
        <QueryState loading={academies.isLoading} error={academies.error} />
        {academies.data && (
          <Table data-testid="academies-table">
            <thead>
              <tr>
                <th scope="col">{t('academy')}</th>
                <th scope="col">{t('timezone')}</th>
                <th scope="col">{t('defaultLanguage')}</th>
                <th scope="col">{t('teachers')}</th>
                <th scope="col">{t('students')}</th>
                <th scope="col">{t('liveNow')}</th>
                <th scope="col">{t('nextSevenDays')}</th>
                <ActionsHeader label={t('actions')} />
              </tr>
            </thead>
            <tbody>
              {academies.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <strong>{locale === 'ar' ? a.nameAr : a.nameEn}</strong>
                    <div className="text-muted" dir="ltr">
                      {a.slug}
                    </div>
                    {!a.active && <Badge tone="muted">{t('inactive')}</Badge>}
                  </td>
                  <td dir="ltr">{a.timezone}</td>
                  <td>{a.defaultLocale === 'ar' ? <span lang="ar">العربية</span> : <span lang="en">English</span>}</td>
                  <td>{formatNumber(a.teachers)}</td>
                  <td>{formatNumber(a.students)}</td>
                  <td>{formatNumber(a.liveMeetings)}</td>
                  <td>{formatNumber(a.upcomingSessions)}</td>
                  <td className="text-end">
                    <div className="grid justify-items-end gap-1.5">
                      <Button asChild variant="secondary" size="sm">
                        <Link href={`/admin?academy=${a.id}`}>{t('openDashboard')}</Link>
                      </Button>
                      <AcademyActions academy={a} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CreateAcademyForm />
    </>
  );
}
