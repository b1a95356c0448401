import { getTranslations } from 'next-intl/server';

/** Every unknown address (and notFound()), in the viewer's language (the root layout's). */
export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-[40rem] px-4 py-10">
      <h1>{t('words.notFoundTitle')}</h1>
      <p>{t('words.notFoundBody')}</p>
      <a href="/" className="inline-flex min-h-11 items-center">
        {t('words.goHome')}
      </a>
    </main>
  );
}
