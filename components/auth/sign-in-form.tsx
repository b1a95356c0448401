'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';

const THROTTLED = 'TooManyAttempts:';

export function SignInForm() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // The server throttles failed attempts and says for how long (server/auth/options.ts).
  function errorText(code: string | null | undefined): string {
    const seconds = code?.startsWith(THROTTLED) ? Number(code.slice(THROTTLED.length)) : NaN;
    if (!Number.isFinite(seconds)) return t('signInFailed');
    return t('signInThrottled').replace('{minutes}', String(Math.max(1, Math.ceil(seconds / 60))));
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
            {error}
          </p>
        )}
        <button className="btn" type="submit" disabled={pending}>
          {t('signIn')}
        </button>
      </form>
    </section>
  );
}
