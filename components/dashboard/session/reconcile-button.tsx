'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';

/** Repairs attendance from LiveKit's participant list now, instead of waiting for the sweep. */
export function ReconcileButton({ sessionId }: { sessionId: number }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reconcile = useMutation(
    trpc.meeting.reconcileAttendance.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.attendance.listRecords.queryKey({ sessionId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.attendance.sessionStats.queryKey({ sessionId }) }),
        ]),
    }),
  );
  return (
    <>
      <Button variant="secondary" disabled={reconcile.isPending} onClick={() => reconcile.mutate({ sessionId })} data-testid="reconcile">
        {t('reconcileAttendance')}
      </Button>
      {reconcile.data && (
        <span role="status" className="text-muted" data-testid="reconcile-result">
          {t('reconciled', { joins: reconcile.data.joinsAdded, leaves: reconcile.data.leavesAdded })}
        </span>
      )}
      {reconcile.error && (
        <span role="alert" className="text-danger">
          {reconcile.error.message}
        </span>
      )}
    </>
  );
}
