import { UnsubscribeForm } from '@/components/notifications/unsubscribe-form';
import { getAppDeps } from '@/server/deps';
import { unsubscribeTopicOf } from '@/server/http/notifications';

/** The mail's "stop emails like this" link: works without signing in; the button posts to /api/unsubscribe. */
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const { token } = await params;
  const { done } = await searchParams;
  const decoded = decodeURIComponent(token).slice(0, 200);
  return (
    <main id="main" className="mx-auto max-w-[640px] px-4 py-10">
      <UnsubscribeForm token={decoded} topic={unsubscribeTopicOf(decoded, getAppDeps())} done={done === '1'} />
    </main>
  );
}
