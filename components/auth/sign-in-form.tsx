'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';

export function SignInForm() {
  const { t } = useText();
  const [error, setError] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    setPending(false);
    if (result?.ok && !result.error) window.location.assign('/');
    else setError(true);
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
        {error && <ErrorText className="m-0">{t('signInFailed')}</ErrorText>}
        <Button type="submit" disabled={pending} className="justify-self-start">
          {t('signIn')}
        </Button>
      </form>
    </Card>
  );
}
