'use client';

import { useQuery } from '@tanstack/react-query';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { QueryState } from '../badges';
import { useAcademyScope } from './admin-scope';

/** LiveKit webhooks stored because their effect could never apply, and whether their session has been finalised since. */
export function WebhookProblems() {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const problems = useQuery({ ...trpc.sweeps.webhookProblems.queryOptions(useAcademyScope()), refetchInterval: 30_000 });
  return (
    <Card aria-labelledby="webhook-problems-heading">
      <h2 id="webhook-problems-heading">{t('webhookProblems')}</h2>
      <p className="text-muted">{t('webhookProblemsHelp')}</p>
      <QueryState loading={problems.isLoading} error={problems.error} />
      {problems.data?.length === 0 && <p className="text-muted">{t('noWebhookProblems')}</p>}
      {problems.data && problems.data.length > 0 && (
        <Table data-testid="webhook-problems">
          <thead>
            <tr>
              <th scope="col">{t('receivedAt')}</th>
              <th scope="col">{t('webhookEvent')}</th>
              <th scope="col">{t('problemSession')}</th>
              <th scope="col">{t('problemReason')}</th>
              <th scope="col">{t('result')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.data.map((p) => (
              <tr key={p.id}>
                <td>{formatDateTime(p.receivedAt)}</td>
                <td dir="ltr">{p.event}</td>
                <td>{p.session ? `#${p.session.id} ${p.session.title}` : <span dir="ltr">{p.roomName ?? '—'}</span>}</td>
                {/* The reason is the server's own (a status rule, a database constraint): shown as it is. */}
                <td dir="ltr" className="text-danger">
                  {p.problem}
                </td>
                <td>
                  <Badge tone={p.session?.finalized ? 'success' : 'warning'}>{p.session?.finalized ? t('problemFinalized') : t('problemAwaitingSweep')}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
