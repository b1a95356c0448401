/**
 * The page LiveKit's egress records for a room composite (customBaseUrl,
 * docs/rules.md#recording): egress opens it with `?url=…&token=…&layout=…`
 * and films what it draws. Opens only with the egress's own token for the
 * room of an open meeting (layout-context.ts); anything else is a 404.
 * Written in the academy's language and direction, whoever's browser it is.
 */
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { catalogues, formattingTag } from '@/components/i18n/catalogue';
import { RecordingLayout } from '@/components/recording/recording-layout';
import { getAppDeps } from '@/server/deps';
import { getEnv } from '@/server/env';
import { DomainError } from '@/server/lib/domain-error';
import { getRecordingLayoutContext } from '@/server/modules/recordings/layout-context';

export const metadata = { title: 'Halaqa recording', robots: { index: false } };

export default async function RecordingLayoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const deps = getAppDeps();
  const context = await getRecordingLayoutContext(deps, typeof token === 'string' ? token : undefined).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  // The LiveKit URL Halaqa knows, not the one in the address: the page never connects elsewhere.
  const livekit = getEnv().livekit;
  if (!livekit) notFound();
  return (
    <NextIntlClientProvider locale={formattingTag(context.locale)} timeZone={context.timezone} messages={catalogues[context.locale]}>
      <RecordingLayout
        serverUrl={livekit.wsUrl}
        token={token as string}
        locale={context.locale}
        sessionTitle={context.sessionTitle}
        academyName={context.academyName}
        teacherUserId={context.teacherUserId}
        teacherName={context.teacherName}
        recordedOn={context.recordedOn.toISOString()}
      />
    </NextIntlClientProvider>
  );
}
