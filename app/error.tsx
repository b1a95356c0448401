'use client';

import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';

/**
 * A page that failed while rendering, in the viewer's language: what
 * happened in words, a retry, and the reference the server logged under
 * (Next's digest) so an administrator can find it; never the error's text.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useText();
  return (
    <main id="main" className="mx-auto max-w-[40rem] px-4 py-10">
      <h1>{t('words.errorTitle')}</h1>
      <p>{t('words.errorBody')}</p>
      {error.digest && (
        <p className="text-muted">
          {t('words.reference', { digest: error.digest })}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={reset}>{t('words.tryAgain')}</Button>
        <a href="/" className="inline-flex min-h-11 items-center">
          {t('words.goHome')}
        </a>
      </div>
    </main>
  );
}
