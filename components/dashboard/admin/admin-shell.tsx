'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { AdminNav } from './admin-nav';
import { AdminScope } from './admin-scope';
import { Notice } from '@/components/ui/notice';

/**
 * The admin pages' frame: the academy scope, the section navigation, and for
 * the super admin the name of the academy they are looking at. Pages whose
 * content has no heading of its own pass `titleKey` for their h1.
 */
export function AdminShell({ academyId, titleKey, children }: { academyId: number | undefined; titleKey?: TextKey; children: ReactNode }) {
  return (
    <AdminScope academyId={academyId}>
      <AdminNav />
      {academyId !== undefined && <ChosenAcademy academyId={academyId} />}
      {titleKey && <Title titleKey={titleKey} />}
      {children}
    </AdminScope>
  );
}

function Title({ titleKey }: { titleKey: TextKey }) {
  const { t } = useText();
  return <h1>{t(titleKey)}</h1>;
}

function ChosenAcademy({ academyId }: { academyId: number }) {
  const { t, locale } = useText();
  const trpc = useTRPC();
  const directory = useQuery(trpc.academies.directory.queryOptions({ academyId }));
  const academy = directory.data?.academy;
  return (
    <Notice data-testid="chosen-academy">
      {t('academy')}: {academy ? (locale === 'ar' ? academy.nameAr : academy.nameEn) : `#${academyId}`}
    </Notice>
  );
}
