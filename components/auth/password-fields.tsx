'use client';

import { useId } from 'react';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Field, Input } from '@/components/ui/field';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '@/shared/people/password-rule';

/** The new password twice, with the rule said beside it. */
export function PasswordFields() {
  const { t } = useText();
  const id = useId();
  return (
    <>
      <Field label={t('people.newPassword')} hint={t('people.passwordHint')} hintId={`${id}-hint`}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} aria-describedby={`${id}-hint`} />
      </Field>
      <Field label={t('people.confirmPassword')}>
        <Input name="confirm" type="password" autoComplete="new-password" required maxLength={MAX_PASSWORD_LENGTH} />
      </Field>
    </>
  );
}

/** What is wrong with the typed pair, as a text key; null when it will do. */
export function passwordError(password: string, confirm: string): TextKey | null {
  if (passwordProblem(password)) return 'people.passwordTooShort';
  if (password !== confirm) return 'people.passwordsDiffer';
  return null;
}
