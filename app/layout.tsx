import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/600.css';
import '@fontsource/ibm-plex-sans-arabic/700.css';
import './globals.css';
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { directionOf } from '@/components/i18n/catalogue';
import { TrpcProvider } from '@/components/trpc-provider';
import { Toaster } from '@/components/ui/toast';
import { getViewer } from '@/server/auth/viewer';

export const metadata: Metadata = { title: 'Halaqa', description: 'Live classes for online academies' };
export const dynamic = 'force-dynamic';

/** The document in the viewer's language and direction; next-intl hands the catalogue (i18n/request.ts) to client components. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang={viewer.locale} dir={directionOf(viewer.locale)}>
      <body>
        <NextIntlClientProvider>
          <TrpcProvider>{children}</TrpcProvider>
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
