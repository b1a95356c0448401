'use client';

import { Eye } from 'lucide-react';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorText } from '@/components/ui/notice';

/**
 * Joining without camera or microphone (docs/rules.md#observers): a parent or
 * an observing colleague gets only this; a supervisor or admin gets it beside
 * the device check as the "observe hidden" choice.
 */
export function ObserverJoin({ onJoin, pending, error, hiddenChoice = false }: { onJoin: () => void; pending: boolean; error: string | null; hiddenChoice?: boolean }) {
  const { t } = useText();
  return (
    <Card className="m-4 max-w-md" data-testid={hiddenChoice ? 'observe-hidden-card' : 'observer-join'}>
      <p className="mt-0">{t(hiddenChoice ? 'classroom.observeHiddenHint' : 'classroom.observerHint')}</p>
      <Button disabled={pending} onClick={onJoin} data-testid={hiddenChoice ? 'observe-hidden' : 'join-as-observer'}>
        <Eye aria-hidden />
        {t(hiddenChoice ? 'classroom.observeHidden' : 'classroom.joinAsObserver')}
      </Button>
      {error && <ErrorText>{error}</ErrorText>}
    </Card>
  );
}
