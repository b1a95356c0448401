'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { ErrorText, Muted } from '@/components/ui/notice';
import { PasswordFields, passwordError } from './password-fields';

/** Changing one's own password signs out everywhere (the server moves the session version on), this browser too. */
export function ChangePasswordForm() {
  const { t } = useText();
  const trpc = useTRPC();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onSuccess: () => signOut({ callbackUrl: '/sign-in' }) }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const newPassword = String(f.get('password') ?? '');
    const error = passwordError(newPassword, String(f.get('confirm') ?? ''));
    setProblem(error ? t(error) : null);
    if (!error) change.mutate({ currentPassword: String(f.get('current') ?? ''), newPassword });
  }
  return (
    <Card className="max-w-md" aria-labelledby="change-password-title">
      <h1 id="change-password-title">{t('people.changeTitle')}</h1>
      <form className="grid gap-3" onSubmit={submit} data-testid="change-password-form">
        <Field label={t('people.currentPassword')}>
          <Input name="current" type="password" autoComplete="current-password" required />
        </Field>
        <PasswordFields />
        <Muted className="m-0">{t('people.changeNote')}</Muted>
        {(problem || change.error) && <ErrorText className="m-0">{problem ?? change.error?.message}</ErrorText>}
        <Button type="submit" disabled={change.isPending} className="justify-self-start">
          {t('people.change')}
        </Button>
      </form>
    </Card>
  );
}
