'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '../use-text';
import { useAcademyScope } from './admin-scope';
import { audienceInput, EMPTY_SESSION_FIELDS, SessionFields } from './session-fields';

/** One session at a local date and time in the academy's timezone (SPEC 3). */
export function CreateSessionForm() {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const id = useId();
  const [fields, setFields] = useState(EMPTY_SESSION_FIELDS);
  const [localDate, setLocalDate] = useState('');
  const create = useMutation(
    trpc.scheduling.createSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.academies.sessions.pathKey() }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      ...scope,
      kind: fields.kind,
      title: fields.title,
      teacherId: Number(fields.teacherId),
      ...audienceInput(fields),
      localDate,
      localTime: fields.localTime,
      durationMinutes: Number(fields.durationMinutes),
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('createSession')}</h2>
      <p className="muted">{t('academyTimeHint')}</p>
      <form className="grid-form" onSubmit={submit} data-testid="create-session-form">
        <SessionFields idPrefix={id} value={fields} onChange={setFields} />
        <label htmlFor={`${id}-date`}>
          {t('localDate')}
          <input id={`${id}-date`} name="localDate" type="date" value={localDate} required onChange={(e) => setLocalDate(e.target.value)} />
        </label>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={create.isPending}>
            {t('createSession')}
          </button>
        </div>
      </form>
      {create.error && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
      {create.data && (
        <p role="status" className="notice" data-testid="session-created">
          {t('sessionCreated')}{' '}
          <Link href={`/sessions/${create.data.id}`} data-testid="created-session-link">
            {create.data.title}
          </Link>
        </p>
      )}
    </section>
  );
}
