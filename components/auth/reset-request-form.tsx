'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';

/** "Forgot your password?": the answer is the same whether or not the email has an account. */
export function ResetRequestForm() {
  const { t, locale } = useText();
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get('email') ?? ''), locale });
  }
  return (
    <Card className="mx-auto mt-12 max-w-md p-6" aria-labelledby="reset-title">
      <h1 id="reset-title" className="text-accent">
        {t('people.resetTitle')}
      </h1>
      {request.isSuccess ? (
        <Notice role="status" data-testid="reset-sent">
          {t('people.resetSent')}
        </Notice>
      ) : (
        <form className="grid gap-3" onSubmit={submit}>
          <p className="m-0">{t('people.resetIntro')}</p>
          <Field label={t('email')}>
            <Input name="email" type="email" autoComplete="username" required dir="ltr" />
          </Field>
          {request.error && <ErrorText className="m-0">{request.error.message}</ErrorText>}
          <Button type="submit" disabled={request.isPending} className="justify-self-start">
            {t('people.resetSend')}
          </Button>
        </form>
      )}
      <p className="mt-4 mb-0">
        <Link className="inline-flex min-h-11 items-center" href="/sign-in">{t('people.goToSignIn')}</Link>
      </p>
    </Card>
  );
}
