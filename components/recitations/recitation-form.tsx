'use client';

import '@fontsource/amiri-quran/arabic-400.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Minus, Plus } from 'lucide-react';
import { useLocale } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { MushafVerses } from '@/components/room/tools/mushaf-verses';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Check, Field, Input, Select, Textarea } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { MISTAKE_KINDS, type Mistake, type MistakeKind } from '@/shared/quran/mistakes';
import { rangeProblem, type AyahRange } from '@/shared/quran/range';
import { ayahCount, SURAH_COUNT, surahName } from '@/shared/quran/surahs';

export interface RecitationDraft extends AyahRange {
  studentId: number | null;
  kind: 'memorisation' | 'revision';
  mistakes: Mistake[];
  grade: string | null;
  note: string;
}

const SURAHS = Array.from({ length: SURAH_COUNT }, (_, i) => i + 1);

export function gradeLabel(t: (k: TextKey) => string, grade: string): string {
  return /^\d+$/.test(grade) ? grade : t(`recitation.grade.${grade}` as TextKey);
}

/**
 * Recording (or correcting) one recitation: the student, what was recited,
 * mistakes by kind — counted with +/−, or tapped on an ayah of the recited
 * range shown in the Mushaf's script — a grade on the academy's scale, a note.
 */
export function RecitationForm({
  sessionId,
  students,
  grades,
  initial,
  recitationId,
  onDone,
}: {
  sessionId: number;
  students: { id: number; name: string }[];
  grades: string[];
  initial: RecitationDraft;
  recitationId?: number;
  onDone?: () => void;
}) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = useLocale() === 'ar' ? 'ar' : 'en';
  const [draft, setDraft] = useState<RecitationDraft>(initial);
  const [tapKind, setTapKind] = useState<MistakeKind>('memorisation');
  const change = (patch: Partial<RecitationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = rangeProblem(draft);
  const oneSurah = !problem && draft.fromSurah === draft.toSurah;
  const text = useQuery({
    ...trpc.mushaf.text.queryOptions({ surah: draft.fromSurah, fromAyah: draft.fromAyah, toAyah: draft.toAyah }),
    enabled: oneSurah,
    staleTime: Infinity,
  });
  const done = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.recitation.listForSession.queryKey({ sessionId }) });
      if (!recitationId) setDraft((d) => ({ ...d, mistakes: [], grade: null, note: '' }));
      onDone?.();
    },
  };
  const record = useMutation(trpc.recitation.record.mutationOptions(done));
  const update = useMutation(trpc.recitation.update.mutationOptions(done));
  const counts = Object.fromEntries(MISTAKE_KINDS.map((k) => [k, draft.mistakes.filter((m) => m.kind === k).length])) as Record<MistakeKind, number>;
  const marks: Record<number, number> = {};
  for (const m of draft.mistakes) if (m.ayah && m.surah === draft.fromSurah) marks[m.ayah] = (marks[m.ayah] ?? 0) + 1;

  const addMistake = (m: Mistake) => change({ mistakes: [...draft.mistakes, m] });
  const removeMistake = (kind: MistakeKind) => {
    // The last one of that kind: positioned or not.
    const i = draft.mistakes.map((m) => m.kind).lastIndexOf(kind);
    if (i >= 0) change({ mistakes: draft.mistakes.filter((_, j) => j !== i) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    const fields = {
      kind: draft.kind,
      fromSurah: draft.fromSurah,
      fromAyah: draft.fromAyah,
      toSurah: draft.toSurah,
      toAyah: draft.toAyah,
      mistakes: draft.mistakes,
      grade: draft.grade,
      note: draft.note.trim() || null,
    };
    if (recitationId) update.mutate({ recitationId, ...fields });
    else if (draft.studentId) record.mutate({ sessionId, studentId: draft.studentId, ...fields });
  };
  const ayahField = (key: 'fromAyah' | 'toAyah', surah: number, label: string) => (
    <Field label={label} className="w-24">
      <Input type="number" inputMode="numeric" min={1} max={ayahCount(surah)} value={draft[key]} onChange={(e) => change({ [key]: Number(e.target.value) })} data-testid={`recitation-${key}`} />
    </Field>
  );
  const surahField = (key: 'fromSurah' | 'toSurah', label: string) => (
    <Field label={label} className="min-w-36">
      <Select value={draft[key]} onChange={(e) => change({ [key]: Number(e.target.value) })} data-testid={`recitation-${key}`}>
        {SURAHS.map((s) => (
          <option key={s} value={s}>
            {t('tools.surahOption', { number: s, name: surahName(s, locale) })}
          </option>
        ))}
      </Select>
    </Field>
  );
  const error = record.error ?? update.error;
  return (
    <form onSubmit={submit} className="grid gap-3" data-testid="recitation-form" aria-label={t('recitation.formTitle')}>
      <div className="flex flex-wrap gap-3">
        {!recitationId && (
          <Field label={t('recitation.student')} className="min-w-44">
            <Select value={draft.studentId ?? ''} onChange={(e) => change({ studentId: e.target.value ? Number(e.target.value) : null })} data-testid="recitation-student" required>
              <option value="">{t('recitation.pickStudent')}</option>
              {students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <fieldset className="flex items-end gap-3">
          <legend className="mb-1 font-medium">{t('recitation.kindLabel')}</legend>
          {(['memorisation', 'revision'] as const).map((k) => (
            <Check key={k} type="radio" name={`kind-${recitationId ?? 'new'}`} label={t(`recitation.kind.${k}`)} checked={draft.kind === k} onChange={() => change({ kind: k })} />
          ))}
        </fieldset>
      </div>
      <div className="flex flex-wrap gap-3">
        {surahField('fromSurah', t('recitation.fromSurah'))}
        {ayahField('fromAyah', draft.fromSurah, t('tools.fromAyah'))}
        {surahField('toSurah', t('recitation.toSurah'))}
        {ayahField('toAyah', draft.toSurah, t('tools.toAyah'))}
      </div>
      {problem && <ErrorText>{t(`recitation.problem.${problem}`)}</ErrorText>}
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium">{t('recitation.mistakes')}</legend>
        <div className="flex flex-wrap gap-4">
          {MISTAKE_KINDS.map((k) => (
            <div key={k} className="flex items-center gap-1" data-testid={`mistakes-${k}`}>
              <span>{t(`recitation.mistake.${k}`)}</span>
              <Button size="sm" variant="ghost" aria-label={`${t('recitation.removeMistake')}: ${t(`recitation.mistake.${k}`)}`} onClick={() => removeMistake(k)} disabled={counts[k] === 0}>
                <Minus aria-hidden />
              </Button>
              <output className="min-w-6 text-center font-semibold" data-testid={`mistake-count-${k}`}>
                {counts[k]}
              </output>
              <Button size="sm" variant="ghost" aria-label={`${t('recitation.addMistake')}: ${t(`recitation.mistake.${k}`)}`} onClick={() => addMistake({ kind: k })}>
                <Plus aria-hidden />
              </Button>
            </div>
          ))}
        </div>
        {oneSurah && text.data && (
          <>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span>{t('recitation.tapHint')}</span>
              {MISTAKE_KINDS.map((k) => (
                <Check key={k} type="radio" name={`tap-${recitationId ?? 'new'}`} label={t(`recitation.mistake.${k}`)} checked={tapKind === k} onChange={() => setTapKind(k)} />
              ))}
            </div>
            <div className="max-h-72 overflow-auto" data-testid="recitation-verses">
              <MushafVerses text={text.data} highlight={null} marks={marks} onAyah={(ayah) => addMistake({ kind: tapKind, surah: draft.fromSurah, ayah })} />
            </div>
          </>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Field label={t('recitation.gradeLabel')} className="min-w-40">
          <Select value={draft.grade ?? ''} onChange={(e) => change({ grade: e.target.value || null })} data-testid="recitation-grade">
            <option value="">{t('recitation.noGrade')}</option>
            {grades.map((g) => (
              <option key={g} value={g}>
                {gradeLabel(t, g)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('recitation.note')} className="min-w-60 flex-1">
          <Textarea rows={2} maxLength={2000} value={draft.note} onChange={(e) => change({ note: e.target.value })} data-testid="recitation-note" />
        </Field>
      </div>
      {error && <ErrorText>{error.message}</ErrorText>}
      <div>
        <Button type="submit" disabled={Boolean(problem) || (!recitationId && !draft.studentId) || record.isPending || update.isPending} data-testid="recitation-save">
          {recitationId ? t('recitation.saveChanges') : t('recitation.save')}
        </Button>
      </div>
    </form>
  );
}
