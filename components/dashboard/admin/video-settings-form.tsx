'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '../badges';
import { useText, type TextKey } from '../use-text';
import { useAcademyScope } from './admin-scope';

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
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number][0];

interface Draft {
  autoCreate: boolean;
  autoEnd: boolean;
  recordingAllowed: boolean;
  recordingDefault: boolean;
  studentsSeeRecordings: boolean;
  windowStart: string;
  windowEnd: string;
  blockedWeekdays: number[];
  useLate: boolean;
  lateGraceMinutes: string;
  numbers: Record<NumberField, string>;
}

/** The academy's video settings (SPEC 6): admins change them, supervisors read them. */
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
      windowStart: draft.windowStart || null,
      windowEnd: draft.windowEnd || null,
      blockedWeekdays: draft.blockedWeekdays,
      lateGraceMinutes: draft.useLate ? Number(draft.lateGraceMinutes) : null,
      ...(Object.fromEntries(NUMBER_FIELDS.map(([name]) => [name, Number(draft.numbers[name])])) as Record<NumberField, number>),
    });
  }

  const check = (name: 'autoCreate' | 'autoEnd' | 'recordingAllowed' | 'recordingDefault' | 'studentsSeeRecordings') =>
    draft && (
      <label className="check">
        <input type="checkbox" name={name} checked={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.checked })} />
        {t(`setting.${name}` as TextKey)}
      </label>
    );

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('videoSettingsIntro')}</h2>
      <QueryState loading={settings.isLoading} error={settings.error} />
      {!canEdit && <p className="muted">{t('readOnlySettings')}</p>}
      {draft && settings.data && (
        <form onSubmit={submit} data-testid="video-settings-form">
          <fieldset disabled={!canEdit || save.isPending} className="plain">
            <div className="grid-form">
              <fieldset>
                <legend>{t('automation')}</legend>
                {check('autoCreate')}
                {check('autoEnd')}
              </fieldset>
              <fieldset className="span-2">
                <legend>{t('recordingSettings')}</legend>
                {check('recordingAllowed')}
                {check('recordingDefault')}
                {check('studentsSeeRecordings')}
              </fieldset>
              <label htmlFor={`${id}-window-start`}>
                {t('setting.windowStart')}
                <input id={`${id}-window-start`} type="time" value={draft.windowStart} onChange={(e) => setDraft({ ...draft, windowStart: e.target.value })} />
              </label>
              <label htmlFor={`${id}-window-end`}>
                {t('setting.windowEnd')}
                <input id={`${id}-window-end`} type="time" value={draft.windowEnd} onChange={(e) => setDraft({ ...draft, windowEnd: e.target.value })} />
              </label>
              {NUMBER_FIELDS.map(([name, min, max]) => (
                <label key={name} htmlFor={`${id}-${name}`}>
                  {t(`setting.${name}` as TextKey)}
                  <input
                    id={`${id}-${name}`}
                    type="number"
                    min={min}
                    max={max}
                    required
                    value={draft.numbers[name]}
                    onChange={(e) => setDraft({ ...draft, numbers: { ...draft.numbers, [name]: e.target.value } })}
                  />
                </label>
              ))}
              <fieldset>
                <legend>{t('setting.lateGraceMinutes')}</legend>
                <label className="check">
                  <input type="checkbox" checked={draft.useLate} onChange={(e) => setDraft({ ...draft, useLate: e.target.checked })} />
                  {t('setting.useLate')}
                </label>
                {draft.useLate && (
                  <label htmlFor={`${id}-late`}>
                    {t('minutesLabel')}
                    <input
                      id={`${id}-late`}
                      type="number"
                      min={0}
                      max={240}
                      required
                      value={draft.lateGraceMinutes}
                      onChange={(e) => setDraft({ ...draft, lateGraceMinutes: e.target.value })}
                    />
                  </label>
                )}
              </fieldset>
              <fieldset className="span-all">
                <legend>{t('setting.blockedWeekdays')}</legend>
                <div className="checks">
                  {[0, 1, 2, 3, 4, 5, 6].map((day) => (
                    <label key={day} className="check">
                      <input
                        type="checkbox"
                        checked={draft.blockedWeekdays.includes(day)}
                        onChange={(e) =>
                          setDraft({
                            ...draft,
                            blockedWeekdays: e.target.checked ? [...draft.blockedWeekdays, day].sort() : draft.blockedWeekdays.filter((d) => d !== day),
                          })
                        }
                      />
                      {t(`weekday.${day}` as TextKey)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
            {canEdit && (
              <div className="form-actions">
                <button className="btn" type="submit">
                  {t('save')}
                </button>
              </div>
            )}
          </fieldset>
          <p className="muted">
            {t('timezone')}: <span dir="ltr">{settings.data.timezone}</span> · {t('lastChanged')} {formatDateTime(settings.data.updatedAt)}
          </p>
        </form>
      )}
      {save.error && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p role="status" className="notice">
          {t('saved')}
        </p>
      )}
    </section>
  );
}
