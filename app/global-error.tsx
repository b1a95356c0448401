'use client';

/**
 * When the root layout itself fails there is no catalogue and no known
 * language: the message is said in both, Arabic first (most academies' language).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ar" dir="rtl">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem 1rem', maxWidth: '40rem', margin: '0 auto' }}>
        <h1>حدث خطأ ما</h1>
        <p>تعذّر عرض هذه الصفحة. حاول مرة أخرى بعد قليل.</p>
        <div lang="en" dir="ltr">
          <h2>Something went wrong</h2>
          <p>This page could not be shown. Please try again in a moment.</p>
        </div>
        {error.digest && <p dir="ltr">{error.digest}</p>}
        <button type="button" onClick={reset} style={{ minHeight: 44, padding: '0 1rem' }}>
          حاول مرة أخرى · Try again
        </button>
      </body>
    </html>
  );
}
