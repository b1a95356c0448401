'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { useAcademyScope, useAdminHref } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, formGridClass, Input, Select } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { toast } from '@/components/ui/toast';
import { GROUP_KINDS, type GroupKind } from '@/shared/groups';

/** A new circle, course or individual lesson; its students are added on its own page (a lesson's one student here). */
export function CreateGroupForm({ initialKind }: { initialKind: GroupKind }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const href = useAdminHref();
  const router = useRouter();
  const id = useId();
  const directory = useQuery(trpc.academies.directory.queryOptions(scope));
  const [kind, setKind] = useState<GroupKind>(initialKind);
  const [name, setName] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [studentId, setStudentId] = useState('');
  const create = useMutation(
    trpc.groups.create.mutationOptions({
      onSuccess: async (group) => {
        await queryClient.invalidateQueries({ queryKey: trpc.groups.list.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.academies.directory.pathKey() });
        toast.success(t('groups.created'));
        router.push(href(`/admin/groups/${group.kind}/${group.id}`));
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ ...scope, kind, name, teacherId: Number(teacherId), ...(kind === 'lesson' ? { studentId: Number(studentId) } : {}) });
  }

  return (
    <>
      <h1>{t('groups.createTitle')}</h1>
      <Card aria-label={t('groups.createTitle')}>
        <form className={formGridClass} onSubmit={submit} data-testid="create-group-form">
          <Field htmlFor={`${id}-kind`} label={t('groups.kindLabel')}>
            <Select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as GroupKind)}>
              {GROUP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`groups.kind.${k}` as TextKey)}
                </option>
              ))}
            </Select>
          </Field>
          <Field htmlFor={`${id}-name`} label={t('groups.name')}>
            <Input id={`${id}-name`} name="name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field htmlFor={`${id}-teacher`} label={t('groups.teacher')}>
            <Select id={`${id}-teacher`} name="teacherId" value={teacherId} required onChange={(e) => setTeacherId(e.target.value)}>
              <option value="">{t('choose')}</option>
              {directory.data?.teachers.map((teacher) => (
                <option key={teacher.id} value={teacher.id}>
                  {teacher.name}
                </option>
              ))}
            </Select>
          </Field>
          {kind === 'lesson' && (
            <Field htmlFor={`${id}-student`} label={t('groups.student')}>
              <Select id={`${id}-student`} name="studentId" value={studentId} required onChange={(e) => setStudentId(e.target.value)}>
                <option value="">{t('choose')}</option>
                {directory.data?.students.map((student) => (
                  <option key={student.id} value={student.id}>
                    {student.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <FormActions>
            <Button type="submit" disabled={create.isPending}>
              {t('groups.create')}
            </Button>
          </FormActions>
        </form>
        {create.error && <ErrorText>{create.error.message}</ErrorText>}
      </Card>
    </>
  );
}
