'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '@/components/dashboard/badges';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, Select } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { timeZoneNames } from '@/shared/time-zone';

/**
 * The signed-in user's language and timezone. Saving reloads the page: the
 * root layout renders the language and direction, and next-intl the
 * timezone, from the server (i18n/request.ts), so every time on every page follows.
 */
export function ProfileForm() {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const id = useId();
  const me = useQuery(trpc.profile.me.queryOptions());
  const [locale, setLocaleValue] = useState('');
  const [timezone, setTimezoneValue] = useState('');
  useEffect(() => {
    if (me.data) {
      setLocaleValue(me.data.locale ?? '');
      setTimezoneValue(me.data.timezone ?? '');
    }
  }, [me.data]);
  const zones = useMemo(() => timeZoneNames(), []);
  const saveLocale = useMutation(trpc.profile.setLocale.mutationOptions());
  const saveTimezone = useMutation(trpc.profile.setTimezone.mutationOptions());
  const academyTimezone = me.data?.academy?.timezone ?? 'UTC';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!me.data) return;
    // The language is saved only when it changed: saving sets this browser's cookie, which wins over everything.
    if (locale !== (me.data.locale ?? '')) {
      const chosen = locale === 'ar' || locale === 'en' ? locale : null;
      await saveLocale.mutateAsync({ locale: chosen });
      const cookieLocale = chosen ?? me.data.academy?.defaultLocale ?? 'en';
      await fetch('/api/locale', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: cookieLocale }) });
    }
    await saveTimezone.mutateAsync({ timezone: timezone || null });
    window.location.reload();
  }

  const error = saveLocale.error ?? saveTimezone.error;
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <QueryState loading={me.isLoading} error={me.error} />
      {me.data && (
        <Card aria-label={t('profile.title')}>
          <form className="grid items-start gap-x-4 gap-y-3 sm:grid-cols-2" onSubmit={submit} data-testid="profile-form">
            <Field htmlFor={`${id}-locale`} label={t('profile.language')}>
              <Select id={`${id}-locale`} name="locale" value={locale} onChange={(e) => setLocaleValue(e.target.value)}>
                <option value="">{t('profile.languageDefault')}</option>
                <option value="ar" lang="ar">
                  العربية
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </Select>
            </Field>
            <Field
              htmlFor={`${id}-timezone`}
              label={t('profile.timezone')}
              hint={t('profile.timezoneHint', { timezone: academyTimezone })}
              hintId={`${id}-timezone-hint`}
            >
              <Select
                id={`${id}-timezone`}
                name="timezone"
                dir="ltr"
                aria-describedby={`${id}-timezone-hint`}
                value={timezone}
                onChange={(e) => setTimezoneValue(e.target.value)}
              >
                <option value="">{t('profile.timezoneDefault', { timezone: academyTimezone })}</option>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </Select>
            </Field>
            <FormActions className="col-span-full">
              <Button type="submit" disabled={saveLocale.isPending || saveTimezone.isPending}>
                {t('profile.save')}
              </Button>
            </FormActions>
          </form>
          <p className="mt-3 mb-0 text-muted" data-testid="profile-now">
            {t('profile.yourTimes', { timezone: me.data.timezone ?? academyTimezone })} {formatDateTime(new Date())}
          </p>
          {error && <ErrorText>{error.message}</ErrorText>}
        </Card>
      )}
    </>
  );
}
