'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '@/components/i18n/use-text';

/** The header's bell: the unread count, live (an SSE subscription the server feeds from LISTEN). */
export function NotificationBell() {
  const { t, formatNumber } = useText();
  const trpc = useTRPC();
  const unread = useSubscription(trpc.notifications.unread.subscriptionOptions(undefined));
  const count = unread.data ?? 0;
  return (
    <Link
      href="/notifications"
      data-testid="notification-bell"
      data-unread={count}
      aria-label={`${t('notifications.bell')}: ${t('notifications.unread', { count })}`}
      className="relative inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-1 rounded-md px-2 text-ink no-underline hover:bg-line/40"
    >
      <Bell aria-hidden className="size-5" />
      {count > 0 && (
        <span aria-hidden className="min-w-5 rounded-full bg-accent px-1.5 text-center text-sm font-bold text-white">
          {formatNumber(count)}
        </span>
      )}
    </Link>
  );
}
