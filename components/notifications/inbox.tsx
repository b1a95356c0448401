'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { QueryState } from '@/components/dashboard/badges';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '@/components/i18n/use-text';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { toast } from '@/components/ui/toast';
import { bodyKey, noticeValues, titleKey, type NoticeParams } from './notice-text';

/** The in-app inbox: newest first, in the viewer's language and time zone, live; mark one or all read. */
export function Inbox() {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 50 }));
  const mark = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => client.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
      onError: () => toast.error(t('actionFailed')),
    }),
  );
  // The bell's live count moves when a notice arrives or is read (here or in another tab): the list follows it.
  useSubscription(
    trpc.notifications.unread.subscriptionOptions(undefined, {
      onData: () => void client.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const items = list.data?.items ?? [];
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="flex-1">{t('notifications.inboxTitle')}</h1>
        <Button asChild variant="secondary">
          <Link href="/notifications/settings">{t('notifications.preferencesLink')}</Link>
        </Button>
        <Button variant="secondary" disabled={mark.isPending || !items.some((i) => !i.read)} onClick={() => mark.mutate({})}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <QueryState loading={list.isLoading} error={list.error} />
      {list.data && items.length === 0 && (
        <p className="text-muted" data-testid="inbox-empty">
          {t('notifications.empty')}
        </p>
      )}
      <ul className="m-0 grid list-none gap-3 p-0" data-testid="inbox">
        {items.map((item) => {
          const values = noticeValues(item.params as NoticeParams, formatDateTime);
          return (
            <li key={item.id} data-testid={`notice-${item.kind}`} data-read={item.read}>
              <Card className={item.read ? '' : 'border-s-4 border-s-accent'}>
                <div className="flex flex-wrap items-start gap-3">
                  <div className="flex-1">
                    <h2 className="m-0 text-base">
                      <Link className="inline-flex min-h-11 items-center" href={item.link}>
                        {t(titleKey(item.kind), values)}
                      </Link> {!item.read && <Badge>{t('notifications.unreadBadge')}</Badge>}
                    </h2>
                    <p className="mb-1 mt-2">{t(bodyKey(item.kind), values)}</p>
                    <p className="m-0 text-sm text-muted">{formatDateTime(item.createdAt)}</p>
                  </div>
                  {!item.read && (
                    <Button variant="secondary" disabled={mark.isPending} onClick={() => mark.mutate({ ids: [item.id] })}>
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
