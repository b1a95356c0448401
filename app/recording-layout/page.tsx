/**
 * The page LiveKit's egress records for a room composite (customBaseUrl,
 * docs/rules.md#recording): egress opens it with `?url=…&token=…&layout=…`
 * and films what it draws. Opens only with the egress's own token for the
 * room of an open meeting (server/modules/recordings/layout-context.ts);
 * anything else is a 404. Written in the academy's language and direction,
 * whoever's browser it is.
 */
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { catalogues, formattingTag } from '@/components/i18n/catalogue';
import { RecordingLayout } from '@/components/recording/recording-layout';
import { getAppDeps } from '@/server/deps';
import { recordingLayoutFor } from '@/server/http/recording-layout';

export const metadata = { title: 'Halaqa recording', robots: { index: false } };

export default async function RecordingLayoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const layout = await recordingLayoutFor(getAppDeps(), typeof token === 'string' ? token : undefined);
  if (!layout) notFound();
  const { context } = layout;
  return (
    <NextIntlClientProvider locale={formattingTag(context.locale)} timeZone={context.timezone} messages={catalogues[context.locale]}>
      <RecordingLayout
        serverUrl={layout.serverUrl}
        token={layout.token}
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
