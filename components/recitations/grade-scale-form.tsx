'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAcademyScope } from '@/components/dashboard/admin/admin-scope';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { GRADE_SCALES, isGradeScale, type GradeScale } from '@/shared/quran/grades';

/** The academy's recitation grade scale: admins change it, supervisors read it. */
export function GradeScaleForm({ scale, canEdit }: { scale: string; canEdit: boolean }) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scope = useAcademyScope();
  const [value, setValue] = useState<GradeScale>(isGradeScale(scale) ? scale : 'five_level');
  const save = useMutation(trpc.recitation.setGradeScale.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.recitation.academy.pathKey() }) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...scope, scale: value });
  };
  return (
    <Card aria-labelledby="grade-scale">
      <h2 id="grade-scale">{t('recitation.gradeScale')}</h2>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit}>
        <Field label={t('recitation.gradeScale')} hint={t('recitation.gradeScaleHint')} hintId="grade-scale-hint">
          <Select value={value} disabled={!canEdit} aria-describedby="grade-scale-hint" onChange={(e) => setValue(e.target.value as GradeScale)} data-testid="grade-scale">
            {GRADE_SCALES.map((s) => (
              <option key={s} value={s}>
                {t(`recitation.scale.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        {canEdit && (
          <Button type="submit" disabled={save.isPending}>
            {t('recitation.saveScale')}
          </Button>
        )}
        {save.isSuccess && <p role="status">{t('recitation.scaleSaved')}</p>}
      </form>
      {save.error && <ErrorText>{save.error.message}</ErrorText>}
    </Card>
  );
}
