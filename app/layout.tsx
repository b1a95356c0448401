import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n/i18n-provider';
import { directionOf } from '@/components/i18n/messages';
import { TrpcProvider } from '@/components/trpc-provider';
import { getViewer } from '@/server/auth/viewer';
import './globals.css';

export const metadata: Metadata = { title: 'Halaqa', description: 'Live classes for online academies' };
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang={viewer.locale} dir={directionOf(viewer.locale)}>
      <body>
        <I18nProvider locale={viewer.locale} timezone={viewer.timezone}>
          <TrpcProvider>{children}</TrpcProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
