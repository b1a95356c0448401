'use client';

import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';

type Topic = 'reminder' | 'attendance' | 'changes' | 'recording' | 'digest';

export function UnsubscribeForm({ token, topic, done }: { token: string; topic: Topic | null; done: boolean }) {
  const { t } = useText();
  if (!topic) return <Notice role="alert">{t('notifications.unsubscribe.invalid')}</Notice>;
  const name = t(`notifications.prefs.topic.${topic}`);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-bold">{t('notifications.unsubscribe.title')}</h1>
      {done ? (
        <p role="status" data-testid="unsubscribed">
          {t('notifications.unsubscribe.done', { topic: name })}
        </p>
      ) : (
        <form method="post" action="/api/unsubscribe">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="from" value="page" />
          <p className="mb-4">{t('notifications.unsubscribe.confirm', { topic: name })}</p>
          <Button type="submit">{t('notifications.unsubscribe.button')}</Button>
        </form>
      )}
    </Card>
  );
}
