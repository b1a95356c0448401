'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { QueryState } from '@/components/dashboard/badges';
import { useTRPC } from '@/components/trpc-provider';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Check, Field, FieldGroup, Select } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';

type TopicRow = { topic: 'reminder' | 'attendance' | 'changes' | 'recording' | 'digest'; email: boolean; inApp: boolean };

/** Each kind on/off per channel, the reminder lead time, and the personal calendar feed. */
export function NotificationSettings() {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const prefs = useQuery(trpc.notifications.preferences.queryOptions());
  const feed = useQuery(trpc.notifications.calendarFeed.queryOptions());
  const [topics, setTopics] = useState<TopicRow[]>([]);
  const [lead, setLead] = useState<string>('default');
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!prefs.data) return;
    setTopics(prefs.data.topics);
    setLead(prefs.data.reminderMinutes === null ? 'default' : String(prefs.data.reminderMinutes));
  }, [prefs.data]);
  const save = useMutation(
    trpc.notifications.setPreferences.mutationOptions({
      onSuccess: (data) => {
        client.setQueryData(trpc.notifications.preferences.queryKey(), data);
        toast.success(t('notifications.prefs.saved'));
      },
      onError: () => toast.error(t('actionFailed')),
    }),
  );
  const regenerate = useMutation(
    trpc.notifications.regenerateCalendarFeed.mutationOptions({
      onSuccess: (data) => {
        setFeedUrl(data.url);
        void client.invalidateQueries({ queryKey: trpc.notifications.calendarFeed.queryKey() });
        toast.success(t('notifications.prefs.calendarRegenerated'));
      },
      onError: () => toast.error(t('actionFailed')),
    }),
  );
  const toggle = (topic: TopicRow['topic'], channel: 'email' | 'inApp', on: boolean) => setTopics((rows) => rows.map((r) => (r.topic === topic ? { ...r, [channel]: on } : r)));

  return (
    <>
      <h1>{t('notifications.prefs.title')}</h1>
      <p className="text-muted">{t('notifications.prefs.intro')}</p>
      <QueryState loading={prefs.isLoading} error={prefs.error} />
      {prefs.data && (
        <Card>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ reminderMinutes: lead === 'default' ? null : (Number(lead) as 0 | 10 | 30 | 60), topics });
            }}
          >
            <Field label={t('notifications.prefs.reminderLead')} className="mb-4 max-w-sm">
              <Select value={lead} onChange={(e) => setLead(e.target.value)} data-testid="reminder-lead">
                <option value="default">{t('notifications.prefs.leadDefault', { minutes: prefs.data.academyReminderMinutes })}</option>
                <option value="0">{t('notifications.prefs.leadOff')}</option>
                {[10, 30, 60].map((m) => (
                  <option key={m} value={String(m)}>
                    {t('notifications.prefs.lead', { minutes: m })}
                  </option>
                ))}
              </Select>
            </Field>
            <FieldGroup legend={t('notifications.prefs.title')}>
              <Table>
                <thead>
                  <tr>
                    <th scope="col">{t('notifications.bell')}</th>
                    <th scope="col">{t('notifications.prefs.email')}</th>
                    <th scope="col">{t('notifications.prefs.inApp')}</th>
                  </tr>
                </thead>
                <tbody>
                  {topics.map((row) => {
                    const name = t(`notifications.prefs.topic.${row.topic}` as TextKey);
                    return (
                      <tr key={row.topic} data-testid={`topic-${row.topic}`}>
                        <th scope="row" className="text-start font-normal">
                          {name}
                        </th>
                        <td>
                          <Check label={`${name}: ${t('notifications.prefs.email')}`} className="[&>span]:sr-only" checked={row.email} onChange={(e) => toggle(row.topic, 'email', e.target.checked)} data-testid={`${row.topic}-email`} />
                        </td>
                        <td>
                          <Check label={`${name}: ${t('notifications.prefs.inApp')}`} className="[&>span]:sr-only" checked={row.inApp} onChange={(e) => toggle(row.topic, 'inApp', e.target.checked)} data-testid={`${row.topic}-inApp`} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </FieldGroup>
            <Button type="submit" className="mt-4" disabled={save.isPending} data-testid="save-preferences">
              {t('notifications.prefs.save')}
            </Button>
          </form>
        </Card>
      )}
      <Card aria-labelledby="calendar-feed">
        <h2 id="calendar-feed">{t('notifications.prefs.calendarTitle')}</h2>
        <p>{t('notifications.prefs.calendarIntro')}</p>
        {feedUrl && (
          <p dir="ltr" className="break-all rounded-md border border-line bg-card p-2 font-mono text-sm" data-testid="calendar-url">
            {feedUrl}
          </p>
        )}
        {feed.data?.createdAt && !feedUrl && <p className="text-muted">{formatDateTime(feed.data.createdAt)}</p>}
        <Button variant="secondary" disabled={regenerate.isPending} onClick={() => regenerate.mutate()}>
          {feed.data?.createdAt ? t('notifications.prefs.calendarRegenerate') : t('notifications.prefs.calendarCreate')}
        </Button>
      </Card>
    </>
  );
}
