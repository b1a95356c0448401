'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';

export function SignInForm() {
  const { t } = useI18n();
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
    <section className="card">
      <h1>{t('appName')}</h1>
      <form className="stack" onSubmit={onSubmit}>
        <label>
          {t('email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {t('signInFailed')}
          </p>
        )}
        <button className="btn" type="submit" disabled={pending}>
          {t('signIn')}
        </button>
      </form>
    </section>
  );
}
