'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc-provider';
import type { SessionKind } from '@/server/db/schema/enums';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { KINDS } from './report-filters';
import { Field, Input, Select } from '@/components/ui/field';

export type AudienceType = 'student' | 'circle' | 'course';

export interface SessionFieldValues {
  kind: SessionKind;
  title: string;
  teacherId: string;
  audienceType: AudienceType;
  audienceId: string;
  localTime: string;
  durationMinutes: string;
}

export const EMPTY_SESSION_FIELDS: SessionFieldValues = {
  kind: 'quran',
  title: '',
  teacherId: '',
  audienceType: 'circle',
  audienceId: '',
  localTime: '',
  durationMinutes: '60',
};

/** The audience as the scheduling procedures take it: exactly one of studentId, circleId, courseId. */
export function audienceInput(v: SessionFieldValues): { studentId: number } | { circleId: number } | { courseId: number } {
  const id = Number(v.audienceId);
  return v.audienceType === 'student' ? { studentId: id } : v.audienceType === 'circle' ? { circleId: id } : { courseId: id };
}

/** What a session is, who teaches it and who attends: shared by the one-off and weekly forms. */
export function SessionFields({ idPrefix, value, onChange }: { idPrefix: string; value: SessionFieldValues; onChange: (next: SessionFieldValues) => void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const directory = useQuery(trpc.academies.directory.queryOptions(useAcademyScope()));
  const set = (patch: Partial<SessionFieldValues>) => onChange({ ...value, ...patch });
  const audiences =
    value.audienceType === 'student'
      ? (directory.data?.students ?? []).map((s) => ({ id: s.id, label: s.name }))
      : value.audienceType === 'circle'
        ? (directory.data?.circles ?? []).map((c) => ({ id: c.id, label: c.name }))
        : (directory.data?.courses ?? []).map((c) => ({ id: c.id, label: c.title }));
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field htmlFor={id('title')} label={t('title')}>
        <Input id={id('title')} name="title" value={value.title} maxLength={200} required onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field htmlFor={id('kind')} label={t('kindLabel')}>
        <Select id={id('kind')} name="kind" value={value.kind} onChange={(e) => set({ kind: e.target.value as SessionKind })}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}` as TextKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field htmlFor={id('teacher')} label={t('teacher')}>
        <Select id={id('teacher')} name="teacherId" value={value.teacherId} required onChange={(e) => set({ teacherId: e.target.value })}>
          <option value="">{t('choose')}</option>
          {directory.data?.teachers.map((teacher) => (
            <option key={teacher.id} value={teacher.id}>
              {teacher.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field htmlFor={id('audience-type')} label={t('audienceType')}>
        <Select
          id={id('audience-type')}
          name="audienceType"
          value={value.audienceType}
          onChange={(e) => set({ audienceType: e.target.value as AudienceType, audienceId: '' })}
        >
          {(['student', 'circle', 'course'] as const).map((type) => (
            <option key={type} value={type}>
              {t(`audience.${type}` as TextKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field htmlFor={id('audience')} label={t(`audience.${value.audienceType}` as TextKey)}>
        <Select id={id('audience')} name="audienceId" value={value.audienceId} required onChange={(e) => set({ audienceId: e.target.value })}>
          <option value="">{t('choose')}</option>
          {audiences.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field htmlFor={id('time')} label={t('localTime')}>
        <Input id={id('time')} name="localTime" type="time" value={value.localTime} required onChange={(e) => set({ localTime: e.target.value })} />
      </Field>
      <Field htmlFor={id('duration')} label={t('durationMinutes')}>
        <Input
          id={id('duration')}
          name="durationMinutes"
          type="number"
          min={1}
          max={600}
          value={value.durationMinutes}
          required
          onChange={(e) => set({ durationMinutes: e.target.value })}
        />
      </Field>
    </>
  );
}
