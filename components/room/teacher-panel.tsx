'use client';

import { useParticipants } from '@livekit/components-react';
import { useMutation } from '@tanstack/react-query';
import { MicOff, UserX } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, Input } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { toast } from '@/components/ui/toast';
import { participantKind } from '@/shared/classroom/grants';
import { isMicLocked, type RoomStateView } from '@/shared/classroom/room-state';
import { RecordingControl } from './recording-control';
import { SpeakerButton } from './speaker-button';

/** How often the teacher's page asks the server to resend unacknowledged commands and re-apply the room state. */
const SWEEP_INTERVAL_MS = 3_000;

/**
 * The teacher's controls. Every button is a server action: the server
 * checks the teacher's authority, stores the command and makes LiveKit
 * enforce it; this panel only shows the state that comes back. A command
 * stored but not yet enforced by LiveKit says so in a toast.
 */
export function TeacherPanel({ sessionId, state }: { sessionId: number; state: RoomStateView & { pendingAcks: number } }) {
  const { t } = useText();
  const trpc = useTRPC();
  const participants = useParticipants();
  const students = participants.filter((p) => !p.isLocal && participantKind(p.metadata ?? '') === 'student');
  const [text, setText] = useState('');
  const onDone = {
    onSuccess: (r: { enforced: boolean }) => {
      if (!r.enforced) toast.info(t('room.notApplied'), { id: 'room-not-applied' });
    },
  };
  const muteAll = useMutation(trpc.room.muteAll.mutationOptions(onDone));
  const allowMics = useMutation(trpc.room.allowMicrophones.mutationOptions(onDone));
  const setPublishing = useMutation(trpc.room.setPublishing.mutationOptions(onDone));
  const mute = useMutation(trpc.room.muteParticipant.mutationOptions(onDone));
  const allowMic = useMutation(trpc.room.allowMicrophone.mutationOptions(onDone));
  const remove = useMutation(trpc.room.removeParticipant.mutationOptions(onDone));
  const readmit = useMutation(trpc.room.readmitParticipant.mutationOptions());
  const announce = useMutation(trpc.room.setAnnouncement.mutationOptions({ onSuccess: () => setText('') }));
  const clear = useMutation(trpc.room.clearAnnouncement.mutationOptions());
  const sweep = useMutation(trpc.room.sweep.mutationOptions());
  const sweepNow = sweep.mutate;

  useEffect(() => {
    const timer = setInterval(() => sweepNow({ sessionId }), SWEEP_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [sessionId, sweepNow]);

  const error = [muteAll, allowMics, setPublishing, mute, allowMic, remove, readmit, announce, clear].find((m) => m.error)?.error;
  const pendingAcks = sweep.data?.pendingAcks ?? state.pendingAcks;

  const post = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) announce.mutate({ sessionId, text });
  };

  return (
    <Card aria-labelledby="controls-title" data-testid="teacher-panel">
      <h2 id="controls-title" className="text-base">
        {t('room.controls')}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        {state.micsLocked ? (
          <Button variant="secondary" disabled={allowMics.isPending} onClick={() => allowMics.mutate({ sessionId })}>
            {t('room.allowMicrophones')}
          </Button>
        ) : (
          <Button disabled={muteAll.isPending} onClick={() => muteAll.mutate({ sessionId })} data-testid="mute-all">
            <MicOff aria-hidden />
            {t('room.muteAll')}
          </Button>
        )}
        <Button
          variant={state.studentsCanPublish ? 'primary' : 'secondary'}
          disabled={setPublishing.isPending}
          data-testid="toggle-publishing"
          onClick={() => setPublishing.mutate({ sessionId, allowed: !state.studentsCanPublish })}
        >
          {state.studentsCanPublish ? t('room.stopPublishing') : t('room.allowPublishing')}
        </Button>
      </div>
      <RecordingControl sessionId={sessionId} recording={state.recording} />
      {state.micsLocked && (
        <p className="text-muted" data-testid="students-muted">
          {t('room.studentsMuted')}
        </p>
      )}

      <form className="my-3 grid gap-2" onSubmit={post}>
        <Field label={t('room.announcementLabel')}>
          <Input value={text} maxLength={500} onChange={(e) => setText(e.target.value)} data-testid="announcement-input" />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={announce.isPending || !text.trim()}>
            {t('room.postAnnouncement')}
          </Button>
          {state.announcement && (
            <Button variant="secondary" disabled={clear.isPending} onClick={() => clear.mutate({ sessionId })}>
              {t('room.clearAnnouncement')}
            </Button>
          )}
        </div>
      </form>

      <h3 className="mt-4 mb-1.5 text-[0.95rem]">{t('room.participants')}</h3>
      <ul className="m-0 mb-3 list-none p-0" data-testid="student-list">
        {students.map((p) => {
          const locked = isMicLocked(state, p.identity);
          const name = p.name || p.identity;
          return (
            <li key={p.identity} data-testid={`student-${p.identity}`} className="flex items-center justify-between gap-2 border-b border-line py-1.5">
              <span>
                {name}
                {locked && <span className="text-muted"> · {t('room.micLockedShort')}</span>}
              </span>
              <span className="flex flex-wrap items-center gap-1.5">
                {state.micsLocked && !state.mutedIdentities.includes(p.identity) && (
                  <SpeakerButton sessionId={sessionId} identity={p.identity} name={name} speakerIdentity={state.speakerIdentity} />
                )}
                {locked && !state.micsLocked ? (
                  <Button variant="secondary" size="sm" onClick={() => allowMic.mutate({ sessionId, identity: p.identity })} aria-label={`${t('room.allowMicrophone')}: ${name}`}>
                    {t('room.allowMicrophone')}
                  </Button>
                ) : (
                  <Button variant="secondary" size="sm" disabled={locked} onClick={() => mute.mutate({ sessionId, identity: p.identity })} aria-label={`${t('room.mute')}: ${name}`}>
                    {t('room.mute')}
                  </Button>
                )}
                <ConfirmDialog
                  title={t('room.confirmRemoveTitle', { name })}
                  description={t('room.confirmRemoveBody')}
                  confirmLabel={t('room.remove')}
                  onConfirm={() => remove.mutate({ sessionId, identity: p.identity })}
                  trigger={
                    <Button variant="danger" size="sm" aria-label={`${t('room.remove')}: ${name}`} data-testid={`remove-${p.identity}`}>
                      <UserX aria-hidden />
                      {t('room.remove')}
                    </Button>
                  }
                />
              </span>
            </li>
          );
        })}
      </ul>

      {state.removed.length > 0 && (
        <>
          <h3 className="mt-4 mb-1.5 text-[0.95rem]">{t('room.removedList')}</h3>
          <ul className="m-0 mb-3 list-none p-0" data-testid="removed-list">
            {state.removed.map((r) => (
              <li key={r.userId} className="flex items-center justify-between gap-2 border-b border-line py-1.5">
                <span>{r.name}</span>
                <Button variant="secondary" size="sm" onClick={() => readmit.mutate({ sessionId, userId: r.userId })} aria-label={`${t('room.readmit')}: ${r.name}`}>
                  {t('room.readmit')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}

      {pendingAcks > 0 && (
        <p className="text-muted" data-testid="pending-acks">
          {t('room.pendingAcks')}: {pendingAcks}
        </p>
      )}
      {error && <ErrorText>{error.message}</ErrorText>}
    </Card>
  );
}
