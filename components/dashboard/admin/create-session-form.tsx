'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { useText } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { audienceInput, EMPTY_SESSION_FIELDS, SessionFields } from './session-fields';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, formGridClass, Input } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';

/** One session at a local date and time in the academy's timezone (docs/rules.md, Sessions). */
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
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('createSession')}</h2>
      <p className="text-muted">{t('academyTimeHint')}</p>
      <form className={formGridClass} onSubmit={submit} data-testid="create-session-form">
        <SessionFields idPrefix={id} value={fields} onChange={setFields} />
        <Field htmlFor={`${id}-date`} label={t('localDate')}>
          <Input id={`${id}-date`} name="localDate" type="date" value={localDate} required onChange={(e) => setLocalDate(e.target.value)} />
        </Field>
        <FormActions>
          <Button type="submit" disabled={create.isPending}>
            {t('createSession')}
          </Button>
        </FormActions>
      </form>
      {create.error && (
        <ErrorText>
          {create.error.message}
        </ErrorText>
      )}
      {create.data && (
        <Notice role="status" data-testid="session-created">
          {t('sessionCreated')}{' '}
          <Link className="inline-flex min-h-11 items-center" href={`/sessions/${create.data.id}`} data-testid="created-session-link">
            {create.data.title}
          </Link>
        </Notice>
      )}
    </Card>
  );
}
