'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { QueryState } from '@/components/dashboard/badges';
import { useAcademyScope } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, Input, Select } from '@/components/ui/field';
import { ErrorText, Muted } from '@/components/ui/notice';
import { ActionsHeader, Table } from '@/components/ui/table';
import { ACADEMY_ROLES, type AcademyRole } from '@/shared/people/roles';
import { InvitationLink, type InvitationShown } from './invitation-link';
import { ChildrenDialog, EditPersonDialog, type PersonRow } from './person-dialogs';

const PAGE_SIZE = 25;
type Status = 'active' | 'invited' | 'inactive' | 'mail_refused';

/** The academy's people: filter, search, page; admins act on each row. */
export function PeopleList({ canEdit }: { canEdit: boolean }) {
  const { t, formatNumber } = useText();
  const id = useId();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const [role, setRole] = useState<AcademyRole | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PersonRow | null>(null);
  const [children, setChildren] = useState<PersonRow | null>(null);
  const [shown, setShown] = useState<InvitationShown | null>(null);
  const input = { ...scope, page, pageSize: PAGE_SIZE, ...(role ? { role } : {}), ...(status ? { status } : {}), ...(search.trim() ? { search: search.trim() } : {}) };
  const people = useQuery({ ...trpc.people.list.queryOptions(input), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((people.data?.total ?? 0) / PAGE_SIZE));
  const resetPage = <T,>(set: (v: T) => void) => (v: T) => (set(v), setPage(1));

  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sr-only">
        {t('people.title')}
      </h2>
      {!canEdit && <Muted>{t('people.readOnly')}</Muted>}
      <search aria-label={t('people.filters')} className="mb-3 grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] items-end gap-3">
        <Field label={t('people.search')}>
          <Input type="search" value={search} onChange={(e) => resetPage(setSearch)(e.target.value)} data-testid="people-search" />
        </Field>
        <Field label={t('people.role')}>
          <Select value={role} onChange={(e) => resetPage(setRole)(e.target.value as AcademyRole | '')}>
            <option value="">{t('people.anyRole')}</option>
            {ACADEMY_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as TextKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('people.status')}>
          <Select value={status} onChange={(e) => resetPage(setStatus)(e.target.value as Status | '')}>
            <option value="">{t('people.anyStatus')}</option>
            <option value="active">{t('people.statusActive')}</option>
            <option value="invited">{t('people.statusInvited')}</option>
            <option value="inactive">{t('people.statusInactive')}</option>
            <option value="mail_refused">{t('people.statusMailRefused')}</option>
          </Select>
        </Field>
      </search>
      {shown && <InvitationLink invitation={shown} onClose={() => setShown(null)} />}
      <QueryState loading={people.isLoading} error={people.error} />
      {people.data && (
        <>
          <p aria-live="polite" className="text-muted" data-testid="people-total">
            {t('people.total', { count: people.data.total })}
          </p>
          {people.data.rows.length === 0 ? (
            <Muted>{t('people.none')}</Muted>
          ) : (
            <Table data-testid="people-table">
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.email')}</th>
                  <th scope="col">{t('people.role')}</th>
                  <th scope="col">{t('people.status')}</th>
                  <th scope="col">{t('people.linked')}</th>
                  {canEdit && <ActionsHeader label={t('actions')} />}
                </tr>
              </thead>
              <tbody>
                {people.data.rows.map((p) => (
                  <tr key={p.id} data-testid={`person-${p.id}`}>
                    <td>{p.name}</td>
                    <td>
                      <span dir="ltr">{p.email}</span>
                      {p.mailRefused && <MailRefused refused={p.mailRefused} />}
                    </td>
                    <td>{t(`role.${p.role}` as TextKey)}</td>
                    <td>
                      <PersonStatus person={p} />
                    </td>
                    <td>{p.linked.map((l) => l.name).join('، ')}</td>
                    {canEdit && (
                      <td className="text-end">
                        <RowActions person={p} onEdit={setEditing} onChildren={setChildren} onInvitation={setShown} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <nav aria-label={t('people.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })} className="mt-3 flex items-center gap-3">
            <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('people.previous')}
            </Button>
            <span>{t('people.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
            <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('people.next')}
            </Button>
          </nav>
        </>
      )}
      {editing && <EditPersonDialog person={editing} onClose={() => setEditing(null)} />}
      {children && <ChildrenDialog parent={children} onClose={() => setChildren(null)} />}
    </Card>
  );
}

/** Mail to this address bounced for good: the worker sends nothing more until the admin corrects the email. */
function MailRefused({ refused }: { refused: NonNullable<PersonRow['mailRefused']> }) {
  const { t, formatDate } = useText();
  return (
    <div className="text-sm" data-testid="mail-refused">
      <Badge tone="danger">{t('people.mailRefused')}</Badge>{' '}
      <span className="text-muted">{t('people.mailRefusedSince', { date: formatDate(refused.at) })}</span>
      <div className="text-muted">
        {t('people.mailRefusedReason')} <q dir="ltr">{refused.reason}</q>
      </div>
    </div>
  );
}

function PersonStatus({ person }: { person: PersonRow }) {
  const { t, formatDate } = useText();
  if (person.anonymised) return <Badge tone="muted">{t('people.anonymised')}</Badge>;
  if (!person.active) return <Badge tone="danger">{t('people.statusInactive')}</Badge>;
  if (!person.invited) return <Badge tone="success">{t('people.statusActive')}</Badge>;
  const inv = person.invitation;
  return (
    <>
      <Badge tone="warning">{t('people.statusInvited')}</Badge>
      {inv && (
        <div className="text-sm text-muted">
          {inv.state === 'pending'
            ? t('people.invitationPending', { date: formatDate(inv.expiresAt) })
            : inv.state === 'expired'
              ? t('people.invitationExpired')
              : t('people.invitationRevoked')}
        </div>
      )}
    </>
  );
}

function RowActions({
  person,
  onEdit,
  onChildren,
  onInvitation,
}: {
  person: PersonRow;
  onEdit: (p: PersonRow) => void;
  onChildren: (p: PersonRow) => void;
  onInvitation: (i: InvitationShown) => void;
}) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.people.list.pathKey() });
  const setActive = useMutation(trpc.people.setActive.mutationOptions({ onSuccess: refresh }));
  const anonymise = useMutation(trpc.people.anonymise.mutationOptions({ onSuccess: refresh }));
  const resend = useMutation(
    trpc.people.resendInvitation.mutationOptions({
      onSuccess: (invitation) => (onInvitation({ name: person.name, email: person.email, ...invitation }), refresh()),
    }),
  );
  const revoke = useMutation(trpc.people.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const error = setActive.error ?? anonymise.error ?? resend.error ?? revoke.error;
  if (person.role === 'academy_admin' || person.anonymised) return null;
  const target = { ...scope, userId: person.id };
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      {person.active && (
        <Button size="sm" variant="secondary" onClick={() => onEdit(person)}>
          {t('people.edit')}
        </Button>
      )}
      {person.active && person.role === 'parent' && (
        <Button size="sm" variant="secondary" onClick={() => onChildren(person)}>
          {t('people.linkChild')}
        </Button>
      )}
      {person.active && person.invited && (
        <>
          <Button size="sm" variant="secondary" onClick={() => resend.mutate(target)} disabled={resend.isPending}>
            {t('people.resend')}
          </Button>
          {person.invitation?.state === 'pending' && (
            <Button size="sm" variant="ghost" onClick={() => revoke.mutate(target)}>
              {t('people.revoke')}
            </Button>
          )}
        </>
      )}
      {person.active ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="danger">
              {t('people.deactivate')}
            </Button>
          }
          title={t('people.deactivateTitle', { name: person.name })}
          description={t('people.deactivateText')}
          confirmLabel={t('people.deactivate')}
          onConfirm={() => setActive.mutate({ ...target, active: false })}
        />
      ) : (
        <>
          <Button size="sm" variant="secondary" onClick={() => setActive.mutate({ ...target, active: true })}>
            {t('people.reactivate')}
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="danger">
                {t('people.anonymise')}
              </Button>
            }
            title={t('people.anonymiseTitle', { name: person.name })}
            description={t('people.anonymiseText', { id: person.id })}
            confirmLabel={t('people.anonymise')}
            onConfirm={() => anonymise.mutate(target)}
          />
        </>
      )}
      {error && <ErrorText className="m-0 w-full text-start">{t('people.actionFailed', { message: error.message })}</ErrorText>}
    </div>
  );
}
