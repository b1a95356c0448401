'use client';

import { useMutation } from '@tanstack/react-query';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorText } from '@/components/ui/notice';
import { saveBoardBeforeEnd } from './tools/board-saver';

/** "End for everyone" asks first: it removes everyone and finalises attendance (docs/rules.md#running-over-and-ending); an open whiteboard is saved first. */
export function EndForEveryone({ sessionId, onEnded }: { sessionId: number; onEnded: () => void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const end = useMutation(trpc.room.end.mutationOptions({ onSuccess: onEnded }));
  return (
    <>
      <ConfirmDialog
        title={t('classroom.confirmEndTitle')}
        description={t('classroom.confirmEndBody')}
        confirmLabel={t('endForEveryone')}
        onConfirm={() => void saveBoardBeforeEnd().then(() => end.mutate({ sessionId }))}
        trigger={
          <Button variant="danger" disabled={end.isPending} data-testid="end-for-everyone">
            {t('endForEveryone')}
          </Button>
        }
      />
      {end.error && <ErrorText>{end.error.message}</ErrorText>}
    </>
  );
}
