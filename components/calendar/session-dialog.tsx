'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, SessionStatusBadge } from '@/components/dashboard/badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Field, FormActions, Input, Select, Textarea } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';
import { toast } from '@/components/ui/toast';
import type { SessionKind, SessionStatus } from '@/server/db/schema/enums';
import { localWallTime } from './local-wall-time';

export interface CalendarSessionView {
  id: number;
  academyId: number;
  teacherId: number;
  studentId: number | null;
  circleId: number | null;
  courseId: number | null;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  scheduledAt: Date;
  durationMinutes: number;
  teacherName: string;
  audience: string;
  cancelReason: string | null;
  academyTimezone: string;
  canChange: boolean;
}

/** One session from the calendar: what it is, a link to its page, and for managers reschedule and cancel. */
export function SessionDialog({ session, onClose }: { session: CalendarSessionView; onClose: () => void }) {
  const { t, dir, formatDateTime } = useText();
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          dir={dir}
          data-testid="session-dialog"
          className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-card p-5 text-fg shadow-lg"
        >
          <div className="flex items-start justify-between gap-2">
            <Dialog.Title className="m-0 text-lg font-semibold">{session.title}</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="ghost" size="sm" aria-label={t('calendar.close')}>
                <X aria-hidden />
              </Button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{session.title}</Dialog.Description>
          <dl className="my-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">{t('statusLabel')}</dt>
            <dd className="m-0">
              <SessionStatusBadge status={session.status} /> <KindLabel kind={session.kind} />
            </dd>
            <dt className="text-muted">{t('calendar.when')}</dt>
            <dd className="m-0" data-testid="session-dialog-when">
              {formatDateTime(session.scheduledAt)} · {t('calendar.duration', { minutes: session.durationMinutes })}
            </dd>
            <dt className="text-muted">{t('calendar.teacher')}</dt>
            <dd className="m-0">{session.teacherName}</dd>
            {session.audience && (
              <>
                <dt className="text-muted">{t('groups.students')}</dt>
                <dd className="m-0">{session.audience}</dd>
              </>
            )}
            {session.cancelReason && (
              <>
                <dt className="text-muted">{t('calendar.reason')}</dt>
                <dd className="m-0">{session.cancelReason}</dd>
              </>
            )}
          </dl>
          <p>
            <a href={`/sessions/${session.id}`}>{t('calendar.openSession')}</a>
          </p>
          {session.canChange ? <ChangeForms session={session} onDone={onClose} /> : null}
          {!session.canChange && (session.status === 'ongoing' || session.status === 'completed') && <Notice>{t('calendar.cannotChange')}</Notice>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ChangeForms({ session, onDone }: { session: CalendarSessionView; onDone: () => void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const initial = localWallTime(session.scheduledAt, session.academyTimezone);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.session.pathKey() });
  const reschedule = useMutation(
    trpc.scheduling.rescheduleSession.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t('calendar.rescheduled'));
        onDone();
      },
    }),
  );
  const cancel = useMutation(
    trpc.scheduling.cancelSession.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t('calendar.cancelled'));
        onDone();
      },
    }),
  );

  function submitReschedule(event: FormEvent) {
    event.preventDefault();
    reschedule.mutate({ sessionId: session.id, localDate: date, localTime: time });
  }
  function submitCancel(event: FormEvent) {
    event.preventDefault();
    cancel.mutate({ sessionId: session.id, reason });
  }

  return (
    <>
      <EditForm session={session} onDone={onDone} />
      <form onSubmit={submitReschedule} className="mb-4 grid gap-2 border-t border-line pt-3" data-testid="reschedule-form" aria-labelledby={`${id}-reschedule`}>
        <h3 id={`${id}-reschedule`} className="m-0 text-base">
          {t('calendar.rescheduleTitle')}
        </h3>
        <p className="m-0 text-sm text-muted">{t('calendar.academyTime', { timezone: session.academyTimezone })}</p>
        <div className="grid grid-cols-2 gap-2">
          <Field htmlFor={`${id}-date`} label={t('calendar.newDate')}>
            <Input id={`${id}-date`} type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
          </Field>
          <Field htmlFor={`${id}-time`} label={t('calendar.newTime')}>
            <Input id={`${id}-time`} type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
          </Field>
        </div>
        <FormActions>
          <Button type="submit" disabled={reschedule.isPending}>
            {t('calendar.reschedule')}
          </Button>
        </FormActions>
        {reschedule.error && <ErrorText>{reschedule.error.message}</ErrorText>}
      </form>
      <form onSubmit={submitCancel} className="grid gap-2 border-t border-line pt-3" data-testid="cancel-form" aria-labelledby={`${id}-cancel`}>
        <h3 id={`${id}-cancel`} className="m-0 text-base">
          {t('calendar.cancelTitle')}
        </h3>
        <Field htmlFor={`${id}-reason`} label={t('calendar.reason')}>
          <Textarea id={`${id}-reason`} value={reason} required maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <FormActions>
          <Button type="submit" variant="danger" disabled={cancel.isPending}>
            {t('calendar.confirmCancel')}
          </Button>
        </FormActions>
        {cancel.error && <ErrorText>{cancel.error.message}</ErrorText>}
      </form>
    </>
  );
}

type AudienceType = 'student' | 'circle' | 'course';

/** Which audiences a kind of session may have (scheduling/participants.ts says the same to callers). */
const AUDIENCES: Record<SessionKind, AudienceType[]> = { quran: ['circle', 'student'], academic: ['student', 'circle', 'course'], interactive_course: ['course'] };

/** Title, duration, teacher and audience of a session that has not started; its time changes by rescheduling. */
function EditForm({ session, onDone }: { session: CalendarSessionView; onDone: () => void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const directory = useQuery(trpc.academies.directory.queryOptions({ academyId: session.academyId }));
  const [title, setTitle] = useState(session.title);
  const [duration, setDuration] = useState(String(session.durationMinutes));
  const [teacherId, setTeacherId] = useState(String(session.teacherId));
  const [audienceType, setAudienceType] = useState<AudienceType>(session.circleId ? 'circle' : session.courseId ? 'course' : 'student');
  const [audienceId, setAudienceId] = useState(String(session.circleId ?? session.courseId ?? session.studentId ?? ''));
  const update = useMutation(
    trpc.scheduling.updateSession.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.session.pathKey() });
        toast.success(t('calendar.edited'));
        onDone();
      },
    }),
  );
  const options =
    audienceType === 'student'
      ? (directory.data?.students ?? []).map((s) => ({ id: s.id, label: s.name }))
      : audienceType === 'circle'
        ? (directory.data?.circles ?? []).map((c) => ({ id: c.id, label: c.name }))
        : (directory.data?.courses ?? []).map((c) => ({ id: c.id, label: c.title }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const audience = audienceType === 'student' ? { studentId: Number(audienceId) } : audienceType === 'circle' ? { circleId: Number(audienceId) } : { courseId: Number(audienceId) };
    update.mutate({ sessionId: session.id, title, durationMinutes: Number(duration), teacherId: Number(teacherId), ...audience });
  }
  return (
    <form onSubmit={submit} className="mb-4 grid gap-2 border-t border-line pt-3" data-testid="edit-session-form" aria-labelledby={`${id}-edit`}>
      <h3 id={`${id}-edit`} className="m-0 text-base">
        {t('calendar.editTitle')}
      </h3>
      <Field htmlFor={`${id}-title`} label={t('calendar.fieldTitle')}>
        <Input id={`${id}-title`} value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field htmlFor={`${id}-duration`} label={t('calendar.durationLabel')}>
          <Input id={`${id}-duration`} type="number" min={1} max={600} value={duration} required onChange={(e) => setDuration(e.target.value)} />
        </Field>
        <Field htmlFor={`${id}-teacher`} label={t('calendar.teacher')}>
          <Select id={`${id}-teacher`} value={teacherId} required onChange={(e) => setTeacherId(e.target.value)}>
            {(directory.data?.teachers ?? [{ id: session.teacherId, name: session.teacherName }]).map((teacher) => (
              <option key={teacher.id} value={teacher.id}>
                {teacher.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field htmlFor={`${id}-audience-type`} label={t('calendar.audienceLabel')}>
          <Select
            id={`${id}-audience-type`}
            value={audienceType}
            onChange={(e) => {
              setAudienceType(e.target.value as AudienceType);
              setAudienceId('');
            }}
          >
            {AUDIENCES[session.kind].map((type) => (
              <option key={type} value={type}>
                {t(`audience.${type}` as TextKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Field htmlFor={`${id}-audience`} label={t(`audience.${audienceType}` as TextKey)}>
          <Select id={`${id}-audience`} value={audienceId} required onChange={(e) => setAudienceId(e.target.value)}>
            <option value="">{t('choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormActions>
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          {t('calendar.saveEdit')}
        </Button>
      </FormActions>
      {update.error && <ErrorText>{update.error.message}</ErrorText>}
    </form>
  );
}
