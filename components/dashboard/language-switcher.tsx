'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from './use-text';

/**
 * Switches between Arabic and English: stored on the user (so it follows
 * them) when signed in, and in this browser's cookie; then a full reload, so
 * the root layout renders the new `lang` and `dir`.
 */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { locale, t } = useText();
  const trpc = useTRPC();
  const save = useMutation(trpc.profile.setLocale.mutationOptions());
  const [failed, setFailed] = useState(false);
  const next = locale === 'ar' ? 'en' : 'ar';

  async function switchLanguage() {
    setFailed(false);
    try {
      if (signedIn) await save.mutateAsync({ locale: next });
      const res = await fetch('/api/locale', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: next }) });
      if (!res.ok) throw new Error(`locale ${res.status}`);
      window.location.reload();
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      <button type="button" className="btn secondary" lang={next} data-testid="language-switcher" disabled={save.isPending} onClick={switchLanguage}>
        {t('language')}
      </button>
      {failed && (
        <span role="alert" className="error">
          {t('actionFailed')}
        </span>
      )}
    </>
  );
}
