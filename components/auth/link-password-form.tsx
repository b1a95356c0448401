'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorText, Muted, Notice } from '@/components/ui/notice';
import { PasswordFields, passwordError } from './password-fields';

/**
 * The page of a one-time link (an invitation or a password reset): what the
 * link is and whom it is for, or why it no longer works; then the person
 * chooses their password and is signed in with it.
 */
export function LinkPasswordForm({ token, purpose }: { token: string; purpose: 'invitation' | 'password_reset' }) {
  const { t, locale } = useText();
  const trpc = useTRPC();
  const link = useQuery({ ...trpc.account.link.queryOptions({ token }), retry: false, refetchOnWindowFocus: false });
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions());
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const mutation = purpose === 'invitation' ? accept : reset;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const password = String(f.get('password') ?? '');
    const error = passwordError(password, String(f.get('confirm') ?? ''));
    setProblem(error ? t(error) : null);
    if (error) return;
    const { email } = await mutation.mutateAsync({ token, password });
    const result = await signIn('credentials', { email, password, redirect: false });
    window.location.assign(result?.ok && !result.error ? '/' : '/sign-in');
  }

  const data = link.data;
  const title = data?.state === 'valid' && data.academy ? t('people.acceptTitle', { academy: locale === 'ar' ? data.academy.nameAr : data.academy.nameEn }) : purpose === 'invitation' ? t('people.linkTitle') : t('people.resetTitle');
  return (
    <Card className="mx-auto mt-12 max-w-md p-6" aria-labelledby="link-title">
      <h1 id="link-title" className="text-accent">
        {title}
      </h1>
      {link.isLoading && (
        <Muted data-loading aria-live="polite">
          {t('loading')}
        </Muted>
      )}
      {link.error && <ErrorText>{link.error.message}</ErrorText>}
      {data && data.state !== 'valid' && (
        <>
          <Notice role="status" data-testid="link-state" data-state={data.state}>
            {data.state === 'expired' ? t('people.linkExpired') : data.state === 'used' ? t('people.linkUsed') : t('people.linkInvalid')}
          </Notice>
          <Link className="inline-flex min-h-11 items-center" href="/sign-in">{t('people.goToSignIn')}</Link>
        </>
      )}
      {data?.state === 'valid' && (
        <form className="grid gap-3" onSubmit={submit} data-testid="link-password-form">
          <p className="m-0">
            {purpose === 'invitation' ? t('people.acceptIntro', { name: data.name, email: data.email }) : t('people.resetChoose', { email: data.email })}
          </p>
          <PasswordFields />
          {(problem || mutation.error) && <ErrorText className="m-0">{problem ?? mutation.error?.message}</ErrorText>}
          <Button type="submit" disabled={mutation.isPending} className="justify-self-start">
            {t('people.setPassword')}
          </Button>
        </form>
      )}
    </Card>
  );
}
