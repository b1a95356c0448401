'use client';

import { useMutation } from '@tanstack/react-query';
import { Languages } from 'lucide-react';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

/**
 * Switches between Arabic and English: stored on the user (so it follows
 * them) when signed in, and in this browser's cookie; then a full reload, so
 * the root layout renders the new `lang` and `dir`. A failure says so in a toast.
 */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { locale, t } = useText();
  const trpc = useTRPC();
  const save = useMutation(trpc.profile.setLocale.mutationOptions());
  const next = locale === 'ar' ? 'en' : 'ar';

  async function switchLanguage() {
    try {
      if (signedIn) await save.mutateAsync({ locale: next });
      const res = await fetch('/api/locale', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: next }) });
      if (!res.ok) throw new Error(`locale ${res.status}`);
      window.location.reload();
    } catch {
      toast.error(t('actionFailed'));
    }
  }

  return (
    <Button variant="secondary" className="shrink-0" lang={next} data-testid="language-switcher" disabled={save.isPending} onClick={switchLanguage}>
      <Languages aria-hidden />
      {t('language')}
    </Button>
  );
}
