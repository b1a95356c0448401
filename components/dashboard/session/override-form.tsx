'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { ATTENDANCE_STATUSES, type AttendanceRecordStatus } from '../admin/types';
import { useText, type TextKey } from '@/components/i18n/use-text';
import type { RecordRow } from './records-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, formGridClass, Input, Select } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';

/** An academy manager sets a record's status with a reason (docs/rules.md, Attendance); recalculation keeps it. */
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
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('overrideStatus')}</h2>
      <form className={formGridClass} onSubmit={submit} data-testid="override-form">
        <Field htmlFor={`${id}-person`} label={t('participant')}>
          <Select id={`${id}-person`} value={userId} required onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('choose')}</option>
            {rows.map((r) => (
              <option key={r.userId} value={r.userId}>
                {r.name} — {t(`attendance.${r.status}` as TextKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Field htmlFor={`${id}-status`} label={t('newStatus')}>
          <Select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as AttendanceRecordStatus)}>
            {ATTENDANCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`attendance.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field htmlFor={`${id}-reason`} className="sm:col-span-2" label={t('reason')}>
          <Input id={`${id}-reason`} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
        </Field>
        <FormActions>
          <Button type="submit" disabled={override.isPending}>
            {t('saveOverride')}
          </Button>
        </FormActions>
      </form>
      {override.error && (
        <ErrorText>
          {override.error.message}
        </ErrorText>
      )}
      {override.isSuccess && (
        <Notice role="status" data-testid="override-saved">
          {t('overrideSaved')}
        </Notice>
      )}
    </Card>
  );
}
