'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '../badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Check, Field, FieldGroup, FormActions, FormGrid, Input } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';

const NUMBER_FIELDS = [
  ['minutesBefore', 0, 1440],
  ['defaultMaxParticipants', 1, 500],
  ['endBufferMinutes', 0, 1440],
  ['studentAbsentBelow', 0, 100],
  ['studentPartialBelow', 0, 100],
  ['teacherAbsentBelow', 0, 100],
  ['teacherPartialBelow', 0, 100],
  ['reconnectWindowSeconds', 0, 3600],
  ['overtimeMinutes', 0, 1440],
  ['eventRetentionDays', 7, 3650],
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number][0];

interface Draft {
  autoCreate: boolean;
  autoEnd: boolean;
  recordingAllowed: boolean;
  recordingDefault: boolean;
  studentsSeeRecordings: boolean;
  teachersMayObserve: boolean;
  studentsTalkBeforeTeacher: boolean;
  windowStart: string;
  windowEnd: string;
  blockedWeekdays: number[];
  useLate: boolean;
  lateGraceMinutes: string;
  numbers: Record<NumberField, string>;
}

/** The academy's video settings (docs/rules.md, Automatic rooms): admins change them, supervisors read them. */
export function VideoSettingsForm({ canEdit }: { canEdit: boolean }) {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const id = useId();
  const settings = useQuery(trpc.scheduling.getVideoSettings.queryOptions(scope));
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useMutation(
    trpc.scheduling.updateVideoSettings.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.scheduling.getVideoSettings.queryKey(scope), saved),
    }),
  );

  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setDraft({
      autoCreate: s.autoCreate,
      autoEnd: s.autoEnd,
      recordingAllowed: s.recordingAllowed,
      recordingDefault: s.recordingDefault,
      studentsSeeRecordings: s.studentsSeeRecordings,
      teachersMayObserve: s.teachersMayObserve,
      studentsTalkBeforeTeacher: s.studentsTalkBeforeTeacher,
      windowStart: s.windowStart ?? '',
      windowEnd: s.windowEnd ?? '',
      blockedWeekdays: s.blockedWeekdays,
      useLate: s.lateGraceMinutes !== null,
      lateGraceMinutes: String(s.lateGraceMinutes ?? 15),
      numbers: Object.fromEntries(NUMBER_FIELDS.map(([name]) => [name, String(s[name])])) as Record<NumberField, string>,
    });
  }, [settings.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    save.mutate({
      ...scope,
      autoCreate: draft.autoCreate,
      autoEnd: draft.autoEnd,
      recordingAllowed: draft.recordingAllowed,
      recordingDefault: draft.recordingDefault,
      studentsSeeRecordings: draft.studentsSeeRecordings,
      teachersMayObserve: draft.teachersMayObserve,
      studentsTalkBeforeTeacher: draft.studentsTalkBeforeTeacher,
      windowStart: draft.windowStart || null,
      windowEnd: draft.windowEnd || null,
      blockedWeekdays: draft.blockedWeekdays,
      lateGraceMinutes: draft.useLate ? Number(draft.lateGraceMinutes) : null,
      ...(Object.fromEntries(NUMBER_FIELDS.map(([name]) => [name, Number(draft.numbers[name])])) as Record<NumberField, number>),
    });
  }

  const check = (name: 'autoCreate' | 'autoEnd' | 'recordingAllowed' | 'recordingDefault' | 'studentsSeeRecordings' | 'teachersMayObserve' | 'studentsTalkBeforeTeacher') =>
    draft && (
      <Check name={name} label={t(`setting.${name}` as TextKey)} checked={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.checked })} />
    );

  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('videoSettingsIntro')}</h2>
      <QueryState loading={settings.isLoading} error={settings.error} />
      {!canEdit && <p className="text-muted">{t('readOnlySettings')}</p>}
      {draft && settings.data && (
        <form onSubmit={submit} data-testid="video-settings-form">
          <fieldset disabled={!canEdit || save.isPending} className="m-0 grid min-w-0 gap-4 border-0 p-0">
            <FormGrid>
              <FieldGroup legend={t('automation')}>
                {check('autoCreate')}
                {check('autoEnd')}
                {check('teachersMayObserve')}
                {check('studentsTalkBeforeTeacher')}
              </FieldGroup>
              <FieldGroup legend={t('recordingSettings')} className="sm:col-span-2">
                {check('recordingAllowed')}
                {check('recordingDefault')}
                {check('studentsSeeRecordings')}
              </FieldGroup>
              <Field htmlFor={`${id}-window-start`} label={t('setting.windowStart')}>
                <Input id={`${id}-window-start`} type="time" value={draft.windowStart} onChange={(e) => setDraft({ ...draft, windowStart: e.target.value })} />
              </Field>
              <Field htmlFor={`${id}-window-end`} label={t('setting.windowEnd')}>
                <Input id={`${id}-window-end`} type="time" value={draft.windowEnd} onChange={(e) => setDraft({ ...draft, windowEnd: e.target.value })} />
              </Field>
              {NUMBER_FIELDS.map(([name, min, max]) => (
                <Field key={name} htmlFor={`${id}-${name}`} label={t(`setting.${name}` as TextKey)}>
                  <Input
                    id={`${id}-${name}`}
                    type="number"
                    min={min}
                    max={max}
                    required
                    value={draft.numbers[name]}
                    onChange={(e) => setDraft({ ...draft, numbers: { ...draft.numbers, [name]: e.target.value } })}
                  />
                </Field>
              ))}
              <FieldGroup legend={t('setting.lateGraceMinutes')} className="grid gap-2">
                <Check label={t('setting.useLate')} checked={draft.useLate} onChange={(e) => setDraft({ ...draft, useLate: e.target.checked })} />
                {draft.useLate && (
                  <Field htmlFor={`${id}-late`} label={t('minutesLabel')}>
                    <Input
                      id={`${id}-late`}
                      type="number"
                      min={0}
                      max={240}
                      required
                      value={draft.lateGraceMinutes}
                      onChange={(e) => setDraft({ ...draft, lateGraceMinutes: e.target.value })}
                    />
                  </Field>
                )}
              </FieldGroup>
              <FieldGroup legend={t('setting.blockedWeekdays')} className="col-span-full">
                <div className="flex flex-wrap gap-x-4 gap-y-2">
                  {[0, 1, 2, 3, 4, 5, 6].map((day) => (
                    <Check
                      key={day}
                      label={t(`weekday.${day}` as TextKey)}
                      checked={draft.blockedWeekdays.includes(day)}
                        onChange={(e) =>
                          setDraft({
                            ...draft,
                            blockedWeekdays: e.target.checked ? [...draft.blockedWeekdays, day].sort() : draft.blockedWeekdays.filter((d) => d !== day),
                          })
                      }
                    />
                  ))}
                </div>
              </FieldGroup>
            </FormGrid>
            {canEdit && (
              <FormActions>
                <Button type="submit">
                  {t('save')}
                </Button>
              </FormActions>
            )}
          </fieldset>
          <p className="text-muted">
            {t('timezone')}: <span dir="ltr">{settings.data.timezone}</span> · {t('lastChanged')} {formatDateTime(settings.data.updatedAt)}
          </p>
        </form>
      )}
      {save.error && (
        <ErrorText>
          {save.error.message}
        </ErrorText>
      )}
      {save.isSuccess && (
        <Notice role="status">
          {t('saved')}
        </Notice>
      )}
    </Card>
  );
}
