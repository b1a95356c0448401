'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '@/components/dashboard/badges';
import { useAcademyScope, useAdminHref } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, FormActions, formGridClass, Input, Select } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';
import { ActionsHeader, Table } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { GroupKind } from '@/shared/groups';

/** One group's page: its name and teacher, its students (added and removed), and archiving. Supervisors read only. */
export function GroupEditor({ kind, groupId, canEdit }: { kind: GroupKind; groupId: number; canEdit: boolean }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const href = useAdminHref();
  const ref = { ...scope, kind, groupId };
  const group = useQuery(trpc.groups.get.queryOptions(ref));
  const data = group.data;
  return (
    <>
      <p>
        <Link className="inline-flex min-h-11 items-center" href={href('/admin/groups')}>{t('groups.back')}</Link>
      </p>
      <h1>{data ? data.name : t(`groups.kind.${kind}` as TextKey)}</h1>
      <QueryState loading={group.isLoading} error={group.error} />
      {data && (
        <>
          {data.archived && <Notice role="status">{t('groups.archivedNotice')}</Notice>}
          {!canEdit && <Notice>{t('groups.readOnly')}</Notice>}
          <DetailsForm kind={kind} groupId={groupId} name={data.name} teacherId={data.teacherId} canEdit={canEdit} />
          {kind === 'lesson' ? (
            <Card aria-label={t('groups.student')}>
              <p>{t('groups.lessonStudent', { name: data.students[0]?.name ?? '—' })}</p>
            </Card>
          ) : (
            <Members kind={kind} groupId={groupId} students={data.students} canEdit={canEdit && !data.archived} />
          )}
          {canEdit && <ArchiveCard kind={kind} groupId={groupId} archived={data.archived} />}
        </>
      )}
    </>
  );
}

function useGroupRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.academies.directory.pathKey() });
  };
}

function DetailsForm({ kind, groupId, name, teacherId, canEdit }: { kind: GroupKind; groupId: number; name: string; teacherId: number | null; canEdit: boolean }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const refresh = useGroupRefresh();
  const id = useId();
  const directory = useQuery(trpc.academies.directory.queryOptions(scope));
  const [values, setValues] = useState({ name, teacherId: teacherId === null ? '' : String(teacherId) });
  useEffect(() => setValues({ name, teacherId: teacherId === null ? '' : String(teacherId) }), [name, teacherId]);
  const update = useMutation(
    trpc.groups.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t('groups.saved'));
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ ...scope, kind, groupId, name: values.name, teacherId: Number(values.teacherId) });
  }
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('groups.details')}</h2>
      <form className={formGridClass} onSubmit={submit} data-testid="group-details-form">
        <Field htmlFor={`${id}-name`} label={t('groups.name')}>
          <Input id={`${id}-name`} value={values.name} maxLength={200} required disabled={!canEdit} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        </Field>
        <Field htmlFor={`${id}-teacher`} label={t('groups.teacher')}>
          <Select id={`${id}-teacher`} value={values.teacherId} required disabled={!canEdit} onChange={(e) => setValues({ ...values, teacherId: e.target.value })}>
            <option value="">{t('choose')}</option>
            {directory.data?.teachers.map((teacher) => (
              <option key={teacher.id} value={teacher.id}>
                {teacher.name}
              </option>
            ))}
          </Select>
        </Field>
        {canEdit && (
          <FormActions>
            <Button type="submit" disabled={update.isPending}>
              {t('groups.save')}
            </Button>
          </FormActions>
        )}
      </form>
      {update.error && <ErrorText>{update.error.message}</ErrorText>}
    </Card>
  );
}

function Members({ kind, groupId, students, canEdit }: { kind: 'circle' | 'course'; groupId: number; students: { id: number; name: string }[]; canEdit: boolean }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const refresh = useGroupRefresh();
  const id = useId();
  const directory = useQuery(trpc.academies.directory.queryOptions(scope));
  const [studentId, setStudentId] = useState('');
  const add = useMutation(
    trpc.groups.addMember.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        setStudentId('');
        if (result.added) toast.success(t('groups.added'));
        else toast.info(t('groups.alreadyMember'));
      },
    }),
  );
  const remove = useMutation(
    trpc.groups.removeMember.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t('groups.removed'));
      },
    }),
  );
  const memberIds = new Set(students.map((s) => s.id));
  const candidates = (directory.data?.students ?? []).filter((s) => !memberIds.has(s.id));
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ ...scope, kind, groupId, studentId: Number(studentId) });
  }
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <CardHeader>
        <h2 id={`${id}-heading`}>{t('groups.members')}</h2>
        <span className="text-muted">{t('groups.studentCount', { count: students.length })}</span>
      </CardHeader>
      {students.length === 0 ? (
        <p className="text-muted">{t('groups.noMembers')}</p>
      ) : (
        <Table data-testid="group-members">
          <thead>
            <tr>
              <th scope="col">{t('groups.student')}</th>
              {canEdit && <ActionsHeader label={t('groups.remove')} />}
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                {canEdit && (
                  <td className="text-end">
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`${t('groups.remove')}: ${s.name}`}>
                          {t('groups.remove')}
                        </Button>
                      }
                      title={t('groups.removeTitle', { name: s.name })}
                      description={t('groups.removeHint')}
                      confirmLabel={t('groups.remove')}
                      onConfirm={() => remove.mutate({ ...scope, kind, groupId, studentId: s.id })}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit && (
        <form className={`${formGridClass} mt-3`} onSubmit={submit} data-testid="add-member-form">
          <Field htmlFor={`${id}-student`} label={t('groups.addStudent')}>
            <Select id={`${id}-student`} value={studentId} required onChange={(e) => setStudentId(e.target.value)}>
              <option value="">{t('choose')}</option>
              {candidates.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <FormActions>
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              {t('groups.add')}
            </Button>
          </FormActions>
        </form>
      )}
      {(add.error ?? remove.error) && <ErrorText>{(add.error ?? remove.error)!.message}</ErrorText>}
    </Card>
  );
}

function ArchiveCard({ kind, groupId, archived }: { kind: GroupKind; groupId: number; archived: boolean }) {
  const { t } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const refresh = useGroupRefresh();
  const setArchived = useMutation(trpc.groups.setArchived.mutationOptions({ onSuccess: refresh }));
  return (
    <Card aria-label={archived ? t('groups.restore') : t('groups.archive')}>
      {archived ? (
        <Button variant="secondary" onClick={() => setArchived.mutate({ ...scope, kind, groupId, archived: false })}>
          {t('groups.restore')}
        </Button>
      ) : (
        <ConfirmDialog
          trigger={<Button variant="danger">{t('groups.archive')}</Button>}
          title={t('groups.archiveTitle')}
          description={t('groups.archiveHint')}
          confirmLabel={t('groups.archive')}
          onConfirm={() => setArchived.mutate({ ...scope, kind, groupId, archived: true })}
        />
      )}
      {setArchived.error && <ErrorText>{setArchived.error.message}</ErrorText>}
    </Card>
  );
}
