'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from './badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, FormGrid, Input, Select } from '@/components/ui/field';
import { ErrorText, Notice } from '@/components/ui/notice';

const SWITCHES = ['recordingEnabled', 'screenShare', 'chat', 'muteOnJoin', 'studentsCanPublish'] as const;
const QUALITIES = ['videoQuality', 'audioQuality'] as const;
type Switch = (typeof SWITCHES)[number];
type Quality = (typeof QUALITIES)[number];
/** '' = say nothing (the academy's setting applies); the server stores it as null. */
type Draft = Record<Switch, '' | 'on' | 'off'> & Record<Quality, '' | 'low' | 'medium' | 'high'> & { maxParticipants: string };

const toSwitch = (value: boolean | null): '' | 'on' | 'off' => (value === null ? '' : value ? 'on' : 'off');
const fromSwitch = (value: '' | 'on' | 'off'): boolean | null => (value === '' ? null : value === 'on');

/**
 * A teacher's own meeting settings: the teacher layer between the academy's
 * settings and a meeting's request (docs/rules.md, Meetings). Every field may be left to the
 * academy; recording "on" also records automatically (recordings/policy.ts).
 */
export function TeacherSettingsForm() {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const settings = useQuery(trpc.scheduling.getTeacherSettings.queryOptions({}));
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useMutation(
    trpc.scheduling.updateTeacherSettings.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.scheduling.getTeacherSettings.queryKey({}), saved),
    }),
  );

  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setDraft({
      ...(Object.fromEntries(SWITCHES.map((name) => [name, toSwitch(s[name])])) as Record<Switch, '' | 'on' | 'off'>),
      videoQuality: (s.videoQuality ?? '') as Draft['videoQuality'],
      audioQuality: (s.audioQuality ?? '') as Draft['audioQuality'],
      maxParticipants: s.maxParticipants === null ? '' : String(s.maxParticipants),
    });
  }, [settings.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    save.mutate({
      ...(Object.fromEntries(SWITCHES.map((name) => [name, fromSwitch(draft[name])])) as Record<Switch, boolean | null>),
      videoQuality: draft.videoQuality || null,
      audioQuality: draft.audioQuality || null,
      maxParticipants: draft.maxParticipants === '' ? null : Number(draft.maxParticipants),
    });
  }

  return (
    <>
      <h1>{t('mySettings')}</h1>
      <p>
        <Link href="/teacher" className="inline-flex min-h-11 items-center">{t('backHome')}</Link>
      </p>
      <Card aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('mySettingsIntro')}</h2>
        <QueryState loading={settings.isLoading} error={settings.error} />
        {draft && (
          <form onSubmit={submit} data-testid="teacher-settings-form">
            <fieldset disabled={save.isPending} className="m-0 grid min-w-0 gap-4 border-0 p-0">
              <FormGrid>
                {SWITCHES.map((name) => (
                  <Field
                    key={name}
                    htmlFor={`${id}-${name}`}
                    className={name === 'recordingEnabled' ? 'self-start sm:col-span-2' : undefined}
                    label={t(`teacherSetting.${name}` as TextKey)}
                    hintId={name === 'recordingEnabled' ? `${id}-recording-help` : undefined}
                    hint={name === 'recordingEnabled' ? t('teacherSetting.recordingHelp') : undefined}
                  >
                    <Select
                      id={`${id}-${name}`}
                      value={draft[name]}
                      data-testid={`teacher-setting-${name}`}
                      aria-describedby={name === 'recordingEnabled' ? `${id}-recording-help` : undefined}
                      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
                    >
                      <option value="">{t('academyDefault')}</option>
                      <option value="on">{t('settingOn')}</option>
                      <option value="off">{t('settingOff')}</option>
                    </Select>
                  </Field>
                ))}
                {QUALITIES.map((name) => (
                  <Field key={name} htmlFor={`${id}-${name}`} label={t(`teacherSetting.${name}` as TextKey)}>
                    <Select id={`${id}-${name}`} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}>
                      <option value="">{t('academyDefault')}</option>
                      {(['low', 'medium', 'high'] as const).map((q) => (
                        <option key={q} value={q}>
                          {t(`quality.${q}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
                <Field htmlFor={`${id}-max`} label={t('teacherSetting.maxParticipants')}>
                  <Input
                    id={`${id}-max`}
                    type="number"
                    min={1}
                    max={500}
                    value={draft.maxParticipants}
                    onChange={(e) => setDraft({ ...draft, maxParticipants: e.target.value })}
                  />
                </Field>
              </FormGrid>
              <FormActions>
                <Button type="submit" data-testid="teacher-settings-save">
                  {t('save')}
                </Button>
              </FormActions>
            </fieldset>
          </form>
        )}
        {save.error && (
          <ErrorText dir="auto">
            {save.error.message}
          </ErrorText>
        )}
        {save.isSuccess && (
          <Notice role="status" data-testid="teacher-settings-saved">
            {t('saved')}
          </Notice>
        )}
      </Card>
    </>
  );
}
