'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '../use-text';

/** Repairs attendance from LiveKit's participant list now, instead of waiting for the sweep. */
export function ReconcileButton({ sessionId }: { sessionId: number }) {
  const { tf, t } = useText();
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
      <button className="btn secondary" type="button" disabled={reconcile.isPending} onClick={() => reconcile.mutate({ sessionId })} data-testid="reconcile">
        {t('reconcileAttendance')}
      </button>
      {reconcile.data && (
        <span role="status" className="muted" data-testid="reconcile-result">
          {tf('reconciled', { joins: reconcile.data.joinsAdded, leaves: reconcile.data.leavesAdded })}
        </span>
      )}
      {reconcile.error && (
        <span role="alert" className="error">
          {reconcile.error.message}
        </span>
      )}
    </>
  );
}
