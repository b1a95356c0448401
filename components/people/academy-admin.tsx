'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, FormActions, formGridClass, Input, Select } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';
import { Dialog } from './dialog';
import { InvitationLink, type InvitationShown } from './invitation-link';

function useRefreshAcademies() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.academies.list.pathKey() });
}

/** The super admin creates an academy (its time zone checked as an IANA name on the server). */
export function CreateAcademyForm() {
  const { t, locale } = useText();
  const id = useId();
  const trpc = useTRPC();
  const refresh = useRefreshAcademies();
  const create = useMutation(trpc.academies.create.mutationOptions({ onSuccess: refresh }));
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    create.mutate(
      {
        slug: String(f.get('slug')),
        nameAr: String(f.get('nameAr')),
        nameEn: String(f.get('nameEn')),
        timezone: String(f.get('timezone')),
        defaultLocale: f.get('defaultLocale') === 'en' ? 'en' : 'ar',
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('people.newAcademy')}</h2>
      <form className={formGridClass} onSubmit={submit} data-testid="create-academy-form">
        <Field label={t('people.slug')} hint={t('people.slugHint')} hintId={`${id}-slug-hint`}>
          <Input name="slug" required dir="ltr" pattern="[a-z0-9]+(-[a-z0-9]+)*" minLength={3} maxLength={50} aria-describedby={`${id}-slug-hint`} />
        </Field>
        <Field label={t('people.nameAr')}>
          <Input name="nameAr" required lang="ar" dir="rtl" maxLength={200} />
        </Field>
        <Field label={t('people.nameEn')}>
          <Input name="nameEn" required lang="en" dir="ltr" maxLength={200} />
        </Field>
        <Field label={t('people.timezone')} hint={t('people.timezoneHint')} hintId={`${id}-tz-hint`}>
          <Input name="timezone" required dir="ltr" list={`${id}-zones`} defaultValue="Asia/Riyadh" aria-describedby={`${id}-tz-hint`} />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field label={t('people.defaultLocale')}>
          <Select name="defaultLocale" defaultValue={locale}>
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
            {t('people.create')}
          </Button>
        </FormActions>
      </form>
      {create.error && <ErrorText>{t('people.actionFailed', { message: create.error.message })}</ErrorText>}
      {create.data && (
        <Notice role="status" data-testid="academy-created">
          {t('people.academyCreated', { name: locale === 'ar' ? create.data.nameAr : create.data.nameEn })}
        </Notice>
      )}
    </Card>
  );
}

/** One academy's row actions: invite an admin, deactivate or activate. */
export function AcademyActions({ academy }: { academy: { id: number; nameAr: string; nameEn: string; active: boolean } }) {
  const { t, locale } = useText();
  const trpc = useTRPC();
  const refresh = useRefreshAcademies();
  const [inviting, setInviting] = useState(false);
  const [shown, setShown] = useState<InvitationShown | null>(null);
  const setActive = useMutation(trpc.academies.setActive.mutationOptions({ onSuccess: refresh }));
  const invite = useMutation(
    trpc.academies.inviteAdmin.mutationOptions({
      onSuccess: ({ person, invitation }) => {
        setShown({ name: person.name, email: person.email, ...invitation });
        setInviting(false);
        return refresh();
      },
    }),
  );
  const name = locale === 'ar' ? academy.nameAr : academy.nameEn;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const lang = String(f.get('locale') ?? '');
    invite.mutate({ academyId: academy.id, name: String(f.get('name')), email: String(f.get('email')), ...(lang === 'ar' || lang === 'en' ? { locale: lang } : {}) });
  }
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <Button size="sm" variant="secondary" onClick={() => setInviting(true)} disabled={!academy.active}>
        {t('people.inviteAdmin')}
      </Button>
      {academy.active ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="danger">
              {t('people.deactivate')}
            </Button>
          }
          title={t('people.deactivateAcademyTitle', { name })}
          description={t('people.deactivateAcademyText')}
          confirmLabel={t('people.deactivate')}
          onConfirm={() => setActive.mutate({ academyId: academy.id, active: false })}
        />
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setActive.mutate({ academyId: academy.id, active: true })}>
          {t('people.activate')}
        </Button>
      )}
      {shown && (
        <div className="w-full text-start">
          <InvitationLink invitation={shown} onClose={() => setShown(null)} />
        </div>
      )}
      {(setActive.error ?? invite.error) && <ErrorText className="w-full text-start">{t('people.actionFailed', { message: (setActive.error ?? invite.error)!.message })}</ErrorText>}
      <Dialog open={inviting} onOpenChange={setInviting} title={t('people.inviteAdminTitle', { name })}>
        <form className="grid gap-3 text-start" onSubmit={submit} data-testid="invite-admin-form">
          <Field label={t('people.name')}>
            <Input name="name" required maxLength={200} />
          </Field>
          <Field label={t('people.email')}>
            <Input name="email" type="email" required dir="ltr" />
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
          {invite.error && <ErrorText className="m-0">{invite.error.message}</ErrorText>}
          <FormActions>
            <Button type="submit" disabled={invite.isPending}>
              {t('people.inviteAdmin')}
            </Button>
            <Button variant="secondary" onClick={() => setInviting(false)}>
              {t('cancel')}
            </Button>
          </FormActions>
        </form>
      </Dialog>
    </div>
  );
}
