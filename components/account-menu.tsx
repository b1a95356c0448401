'use client';

import { CalendarDays, KeyRound, LogOut, UserRound } from 'lucide-react';
import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { DropdownMenu } from 'radix-ui';
import { useText } from '@/components/i18n/use-text';

const ITEM =
  'flex min-h-11 cursor-pointer select-none items-center gap-2 rounded-md px-3 py-2 text-[0.95rem] text-fg no-underline outline-none data-[highlighted]:bg-accent-soft [&_svg]:size-4 [&_svg]:shrink-0';

/**
 * The header's account menu (Radix: arrow keys, Escape, focus back to the
 * button; it stays inside a phone's screen): the profile, the password, the
 * teacher's calendar and signing out, so the header keeps one row down to 360 px.
 */
export function AccountMenu({ role }: { role: string }) {
  const { t, dir } = useText();
  return (
    <DropdownMenu.Root dir={dir}>
      <DropdownMenu.Trigger
        data-testid="account-menu"
        className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-md border border-accent bg-card px-3 text-accent hover:bg-accent-soft"
      >
        <UserRound aria-hidden className="size-5" />
        <span className="max-sm:sr-only">{t('accountMenu')}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-[min(16rem,calc(100vw-1rem))] rounded-lg border border-line bg-card p-1 text-fg shadow-lg"
        >
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/profile" data-testid="profile-link">
              <UserRound aria-hidden />
              {t('profile.nav')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/account/password" data-testid="password-link">
              <KeyRound aria-hidden />
              {t('people.passwordLink')}
            </Link>
          </DropdownMenu.Item>
          {role === 'teacher' && (
            <DropdownMenu.Item asChild className={ITEM}>
              <Link href="/calendar" data-testid="calendar-link">
                <CalendarDays aria-hidden />
                {t('calendar.nav')}
              </Link>
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          <DropdownMenu.Item className={ITEM} onSelect={() => void signOut({ callbackUrl: '/sign-in' })} data-testid="sign-out">
            <LogOut aria-hidden />
            {t('signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
