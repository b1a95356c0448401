'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';

const THROTTLED = 'TooManyAttempts:';

export function SignInForm() {
  const { t } = useText();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // The server throttles failed attempts and says for how long (server/auth/options.ts).
  function errorText(code: string | null | undefined): string {
    const seconds = code?.startsWith(THROTTLED) ? Number(code.slice(THROTTLED.length)) : NaN;
    if (!Number.isFinite(seconds)) return t('signInFailed');
    return t('signInThrottled', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    setPending(false);
    if (result?.ok && !result.error) window.location.assign('/');
    else setError(errorText(result?.error));
  }

  return (
    <Card className="mx-auto mt-12 max-w-sm p-6" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" className="text-accent">
        {t('appName')}
      </h1>
      <form className="grid gap-3" onSubmit={onSubmit}>
        <Field label={t('email')}>
          <Input name="email" type="email" autoComplete="username" required />
        </Field>
        <Field label={t('password')}>
          <Input name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error && <ErrorText className="m-0">{error}</ErrorText>}
        <Button type="submit" disabled={pending} className="justify-self-start">
          {t('signIn')}
        </Button>
      </form>
      <p className="mt-4 mb-0">
        <Link className="inline-flex min-h-11 items-center" href="/reset-password">{t('people.forgot')}</Link>
      </p>
    </Card>
  );
}
