'use client';

import { useParticipants } from '@livekit/components-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useTRPC } from '@/components/trpc-provider';
import { participantKind } from '@/shared/classroom/grants';
import { isMicLocked, type RoomStateView } from '@/shared/classroom/room-state';
import { RecordingControl } from './recording-control';

/** How often the teacher's page asks the server to resend unacknowledged commands and re-apply the room state. */
const SWEEP_INTERVAL_MS = 3_000;

/**
 * The teacher's controls. Every button is a server action: the server
 * checks the teacher's authority, stores the command and makes LiveKit
 * enforce it; this panel only shows the state that comes back.
 */
export function TeacherPanel({ sessionId, state }: { sessionId: number; state: RoomStateView & { pendingAcks: number } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const participants = useParticipants();
  const students = participants.filter((p) => !p.isLocal && participantKind(p.metadata ?? '') === 'student');
  const [text, setText] = useState('');
  const [notApplied, setNotApplied] = useState(false);
  const onDone = { onSuccess: (r: { enforced: boolean }) => setNotApplied(!r.enforced) };
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
    <section className="card teacher-panel" aria-labelledby="controls-title" data-testid="teacher-panel">
      <h2 id="controls-title">{t('room.controls')}</h2>
      <div className="button-row">
        {state.micsLocked ? (
          <button className="btn secondary" type="button" disabled={allowMics.isPending} onClick={() => allowMics.mutate({ sessionId })}>
            {t('room.allowMicrophones')}
          </button>
        ) : (
          <button className="btn" type="button" disabled={muteAll.isPending} onClick={() => muteAll.mutate({ sessionId })} data-testid="mute-all">
            {t('room.muteAll')}
          </button>
        )}
        <button
          className={`btn ${state.studentsCanPublish ? '' : 'secondary'}`}
          type="button"
          disabled={setPublishing.isPending}
          data-testid="toggle-publishing"
          onClick={() => setPublishing.mutate({ sessionId, allowed: !state.studentsCanPublish })}
        >
          {state.studentsCanPublish ? t('room.stopPublishing') : t('room.allowPublishing')}
        </button>
      </div>
      <RecordingControl sessionId={sessionId} recording={state.recording} />
      {state.micsLocked && (
        <p className="muted" data-testid="students-muted">
          {t('room.studentsMuted')}
        </p>
      )}

      <form className="announce-form" onSubmit={post}>
        <label>
          {t('room.announcementLabel')}
          <input value={text} maxLength={500} onChange={(e) => setText(e.target.value)} data-testid="announcement-input" />
        </label>
        <div className="button-row">
          <button className="btn" type="submit" disabled={announce.isPending || !text.trim()}>
            {t('room.postAnnouncement')}
          </button>
          {state.announcement && (
            <button className="btn secondary" type="button" disabled={clear.isPending} onClick={() => clear.mutate({ sessionId })}>
              {t('room.clearAnnouncement')}
            </button>
          )}
        </div>
      </form>

      <h3>{t('room.participants')}</h3>
      <ul className="participant-list" data-testid="student-list">
        {students.map((p) => {
          const locked = isMicLocked(state, p.identity);
          const name = p.name || p.identity;
          return (
            <li key={p.identity} data-testid={`student-${p.identity}`}>
              <span>
                {name}
                {locked && <span className="muted"> · {t('room.micLockedShort')}</span>}
              </span>
              <span className="button-row">
                {locked && !state.micsLocked ? (
                  <button className="btn secondary small" type="button" onClick={() => allowMic.mutate({ sessionId, identity: p.identity })} aria-label={`${t('room.allowMicrophone')}: ${name}`}>
                    {t('room.allowMicrophone')}
                  </button>
                ) : (
                  <button className="btn secondary small" type="button" disabled={locked} onClick={() => mute.mutate({ sessionId, identity: p.identity })} aria-label={`${t('room.mute')}: ${name}`}>
                    {t('room.mute')}
                  </button>
                )}
                <button
                  className="btn danger small"
                  type="button"
                  aria-label={`${t('room.remove')}: ${name}`}
                  data-testid={`remove-${p.identity}`}
                  onClick={() => {
                    if (window.confirm(t('room.confirmRemove').replace('{name}', name))) remove.mutate({ sessionId, identity: p.identity });
                  }}
                >
                  {t('room.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>

      {state.removed.length > 0 && (
        <>
          <h3>{t('room.removedList')}</h3>
          <ul className="participant-list" data-testid="removed-list">
            {state.removed.map((r) => (
              <li key={r.userId}>
                <span>{r.name}</span>
                <button className="btn secondary small" type="button" onClick={() => readmit.mutate({ sessionId, userId: r.userId })} aria-label={`${t('room.readmit')}: ${r.name}`}>
                  {t('room.readmit')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {pendingAcks > 0 && (
        <p className="muted" data-testid="pending-acks">
          {t('room.pendingAcks')}: {pendingAcks}
        </p>
      )}
      {notApplied && (
        <p role="status" className="notice">
          {t('room.notApplied')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </section>
  );
}
