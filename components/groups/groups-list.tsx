'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '@/components/dashboard/badges';
import { useAcademyScope, useAdminHref } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Check, Field, FormGrid, Select } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import { GROUP_KINDS, type GroupKind } from '@/shared/groups';

const NEW_KEY: Record<GroupKind, TextKey> = { circle: 'groups.newCircle', course: 'groups.newCourse', lesson: 'groups.newLesson' };

/** The academy's circles, courses and individual lessons; admins start new ones from here. */
export function GroupsList({ canEdit }: { canEdit: boolean }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const href = useAdminHref();
  const id = useId();
  const [kind, setKind] = useState<GroupKind | ''>('');
  const [archived, setArchived] = useState(false);
  const groups = useQuery(trpc.groups.list.queryOptions({ ...scope, ...(kind ? { kind } : {}), archived }));
  const rows = groups.data ?? [];
  return (
    <>
      <h1>{t('groups.title')}</h1>
      {canEdit && (
        <div className="mb-4 flex flex-wrap gap-2">
          {GROUP_KINDS.map((k) => (
            <Button key={k} asChild variant={k === 'circle' ? 'primary' : 'secondary'}>
              <Link href={withKind(href('/admin/groups/new'), k)}>{t(NEW_KEY[k])}</Link>
            </Button>
          ))}
        </div>
      )}
      <Card aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="sr-only">
          {t('groups.title')}
        </h2>
        <FormGrid className="mb-3">
          <Field htmlFor={`${id}-kind`} label={t('groups.filterKind')}>
            <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as GroupKind | '')}>
              <option value="">{t('groups.allKinds')}</option>
              {GROUP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`groups.kindPlural.${k}` as TextKey)}
                </option>
              ))}
            </Select>
          </Field>
          <Check label={t('groups.showArchived')} checked={archived} onChange={(e) => setArchived(e.target.checked)} />
        </FormGrid>
        <QueryState loading={groups.isLoading} error={groups.error} />
        {groups.data && rows.length === 0 && <p className="text-muted">{t('groups.none')}</p>}
        {rows.length > 0 && (
          <Table data-testid="groups-table">
            <thead>
              <tr>
                <th scope="col">{t('groups.name')}</th>
                <th scope="col">{t('groups.kindLabel')}</th>
                <th scope="col">{t('groups.teacher')}</th>
                <th scope="col">{t('groups.students')}</th>
                <th scope="col">{t('groups.stateLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={`${g.kind}-${g.id}`}>
                  <td>
                    <Link className="inline-flex min-h-11 items-center" href={href(`/admin/groups/${g.kind}/${g.id}`)}>{g.name}</Link>
                  </td>
                  <td>{t(`groups.kind.${g.kind}` as TextKey)}</td>
                  <td>{g.teacherName ?? '—'}</td>
                  <td>{g.kind === 'lesson' ? g.studentName : t('groups.studentCount', { count: g.studentCount })}</td>
                  <td>{g.archived ? <Badge tone="muted">{t('groups.archived')}</Badge> : t('groups.active')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}

/** Adds `kind=` to an admin link that may already carry the super admin's `?academy=`. */
export function withKind(path: string, kind: GroupKind): string {
  return `${path}${path.includes('?') ? '&' : '?'}kind=${kind}`;
}
