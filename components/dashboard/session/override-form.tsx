'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { ATTENDANCE_STATUSES, type AttendanceRecordStatus } from '../admin/types';
import { useText, type TextKey } from '../use-text';
import type { RecordRow } from './records-table';

/** An academy manager sets a record's status with a reason (SPEC 5); recalculation keeps it. */
export function OverrideForm({ sessionId, rows }: { sessionId: number; rows: RecordRow[] }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [status, setStatus] = useState<AttendanceRecordStatus>('present');
  const [reason, setReason] = useState('');
  const override = useMutation(
    trpc.attendance.overrideStatus.mutationOptions({
      onSuccess: async () => {
        setReason('');
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.attendance.listRecords.queryKey({ sessionId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.attendance.sessionStats.queryKey({ sessionId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.session.detail.queryKey({ sessionId }) }),
        ]);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    override.mutate({ sessionId, userId: Number(userId), status, reason });
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('overrideStatus')}</h2>
      <form className="grid-form" onSubmit={submit} data-testid="override-form">
        <label htmlFor={`${id}-person`}>
          {t('participant')}
          <select id={`${id}-person`} value={userId} required onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('choose')}</option>
            {rows.map((r) => (
              <option key={r.userId} value={r.userId}>
                {r.name} — {t(`attendance.${r.status}` as TextKey)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-status`}>
          {t('newStatus')}
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as AttendanceRecordStatus)}>
            {ATTENDANCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`attendance.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-reason`} className="span-2">
          {t('reason')}
          <input id={`${id}-reason`} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={override.isPending}>
            {t('saveOverride')}
          </button>
        </div>
      </form>
      {override.error && (
        <p role="alert" className="error">
          {override.error.message}
        </p>
      )}
      {override.isSuccess && (
        <p role="status" className="notice" data-testid="override-saved">
          {t('overrideSaved')}
        </p>
      )}
    </section>
  );
}
