'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAcademyScope } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Field, FormActions, Input, Select } from '@/components/ui/field';
import { ErrorText, Muted } from '@/components/ui/notice';
import type { AppRouter } from '@/server/trpc/root';
import type { inferRouterOutputs } from '@trpc/server';
import { PERSON_ROLES, type PersonRole } from '@/shared/people/roles';
import { Dialog } from './dialog';

export type PersonRow = inferRouterOutputs<AppRouter>['people']['list']['rows'][number];

function useRefreshPeople() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.people.list.pathKey() });
}

/** Name, email and role of one person. */
export function EditPersonDialog({ person, onClose }: { person: PersonRow; onClose: () => void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const refresh = useRefreshPeople();
  const update = useMutation(trpc.people.update.mutationOptions({ onSuccess: async () => (await refresh(), onClose()) }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get('role') ?? '');
    update.mutate({
      ...scope,
      userId: person.id,
      name: String(form.get('name')),
      email: String(form.get('email')),
      ...(role && role !== person.role ? { role: role as PersonRole } : {}),
    });
  }
  const editableRole = (PERSON_ROLES as readonly string[]).includes(person.role);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('people.editTitle', { name: person.name })}>
      <form className="grid gap-3" onSubmit={submit} data-testid="edit-person-form">
        <Field label={t('people.name')}>
          <Input name="name" defaultValue={person.name} required maxLength={200} />
        </Field>
        <Field label={t('people.email')}>
          <Input name="email" type="email" defaultValue={person.email} required dir="ltr" />
        </Field>
        {editableRole && (
          <Field label={t('people.role')}>
            <Select name="role" defaultValue={person.role}>
              {PERSON_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}` as TextKey)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {update.error && <ErrorText className="m-0">{t('people.actionFailed', { message: update.error.message })}</ErrorText>}
        <FormActions>
          <Button type="submit" disabled={update.isPending}>
            {t('people.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('cancel')}
          </Button>
        </FormActions>
      </form>
    </Dialog>
  );
}

/** A parent's children: the linked ones with Unlink, and a search among the academy's students to link more. */
export function ChildrenDialog({ parent, onClose }: { parent: PersonRow; onClose: () => void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const refresh = useRefreshPeople();
  const [search, setSearch] = useState('');
  const me = useQuery(trpc.people.list.queryOptions({ ...scope, search: parent.email, pageSize: 1 }));
  const current = me.data?.rows.find((r) => r.id === parent.id) ?? parent;
  const students = useQuery({ ...trpc.people.list.queryOptions({ ...scope, role: 'student', search, pageSize: 8 }), enabled: search.trim().length > 0 });
  const link = useMutation(trpc.people.linkParent.mutationOptions({ onSuccess: refresh }));
  const unlink = useMutation(trpc.people.unlinkParent.mutationOptions({ onSuccess: refresh }));
  const error = link.error ?? unlink.error;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('people.linkChildTitle', { name: parent.name })}>
      <div data-testid="children-dialog">
        {current.linked.length === 0 ? (
          <Muted>{t('people.noChildren')}</Muted>
        ) : (
          <ul className="m-0 mb-3 grid list-none gap-1 p-0">
            {current.linked.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2">
                <span>{c.name}</span>
                <Button size="sm" variant="secondary" onClick={() => unlink.mutate({ ...scope, parentId: parent.id, childId: c.id })}>
                  {t('people.unlink')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Field label={t('people.findStudent')}>
          <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </Field>
        <ul className="m-0 mt-2 grid list-none gap-1 p-0">
          {(students.data?.rows ?? [])
            .filter((s) => !current.linked.some((c) => c.id === s.id))
            .map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2">
                <span>
                  {s.name} <span className="text-muted" dir="ltr">{s.email}</span>
                </span>
                <Button size="sm" onClick={() => link.mutate({ ...scope, parentId: parent.id, childId: s.id })}>
                  {t('people.link')}
                </Button>
              </li>
            ))}
        </ul>
        {error && <ErrorText>{t('people.actionFailed', { message: error.message })}</ErrorText>}
        <FormActions className="mt-3">
          <Button variant="secondary" onClick={onClose}>
            {t('people.done')}
          </Button>
        </FormActions>
      </div>
    </Dialog>
  );
}
