'use client';

import { useQuery } from '@tanstack/react-query';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Card } from '@/components/ui/card';
import { PollResults } from './poll-results';

/** A session's polls on its page (stored with the session): results for staff, and for others once shown. */
export function SessionPolls({ sessionId }: { sessionId: number }) {
  const { t } = useText();
  const trpc = useTRPC();
  const list = useQuery(trpc.poll.listForSession.queryOptions({ sessionId }));
  if (!list.data || list.data.polls.length === 0) return null;
  return (
    <Card aria-labelledby="session-polls" data-testid="session-polls">
      <h2 id="session-polls">{t('poll.title')}</h2>
      {list.data.polls.map((p) => (
        <section key={p.id} className="mb-3" aria-label={p.question}>
          <h3 className="m-0 text-base">{p.question}</h3>
          {p.tally ? <PollResults poll={p} /> : <p className="text-muted">{t('poll.resultsHidden')}</p>}
        </section>
      ))}
    </Card>
  );
}
