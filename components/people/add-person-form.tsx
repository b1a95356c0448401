'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useAcademyScope } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, formGridClass, Input, Select } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { PERSON_ROLES, type PersonRole } from '@/shared/people/roles';
import { InvitationLink, type InvitationShown } from './invitation-link';

/** Adding one person: they get an invitation link, shown here to copy whether or not it was emailed. */
export function AddPersonForm() {
  const { t } = useText();
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const [shown, setShown] = useState<InvitationShown | null>(null);
  const create = useMutation(
    trpc.people.create.mutationOptions({
      onSuccess: ({ person, invitation }) => {
        setShown({ name: person.name, email: person.email, ...invitation });
        return queryClient.invalidateQueries({ queryKey: trpc.people.list.pathKey() });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const locale = String(form.get('locale') ?? '');
    create.mutate(
      {
        ...scope,
        name: String(form.get('name') ?? ''),
        email: String(form.get('email') ?? ''),
        role: String(form.get('role')) as PersonRole,
        ...(locale === 'ar' || locale === 'en' ? { locale } : {}),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('people.add')}</h2>
      <form className={formGridClass} onSubmit={submit} data-testid="add-person-form">
        <Field label={t('people.name')}>
          <Input name="name" required maxLength={200} autoComplete="off" />
        </Field>
        <Field label={t('people.email')}>
          <Input name="email" type="email" required dir="ltr" autoComplete="off" />
        </Field>
        <Field label={t('people.role')}>
          <Select name="role" defaultValue="student">
            {PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as TextKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('people.language')}>
          <Select name="locale" defaultValue="">
            <option value="">{t('people.academyLanguage')}</option>
            <option value="ar" lang="ar">
              العربية
            </option>
            <option value="en" lang="en">
              English
            </option>
          </Select>
        </Field>
        <FormActions>
          <Button type="submit" disabled={create.isPending}>
            {t('people.addSubmit')}
          </Button>
        </FormActions>
      </form>
      {create.error && <ErrorText>{t('people.actionFailed', { message: create.error.message })}</ErrorText>}
      {shown && <InvitationLink invitation={shown} onClose={() => setShown(null)} />}
    </Card>
  );
}
