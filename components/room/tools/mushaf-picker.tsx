'use client';

import { useState, type FormEvent } from 'react';
import { useLocale } from 'next-intl';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { ayahCount, SURAH_COUNT, surahName } from '@/shared/quran/surahs';

export interface PickedRange {
  surah: number;
  fromAyah: number;
  toAyah: number;
}

const SURAHS = Array.from({ length: SURAH_COUNT }, (_, i) => i + 1);

/** A surah and an ayah range of it, checked against the surah's length before it is sent. */
export function MushafPicker({
  initial,
  onPick,
  busy,
  submitLabel,
  compact = false,
}: {
  initial: PickedRange | null;
  onPick(range: PickedRange): void;
  busy: boolean;
  submitLabel: string;
  compact?: boolean;
}) {
  const { t } = useText();
  const locale = useLocale() === 'ar' ? 'ar' : 'en';
  const [surah, setSurah] = useState(initial?.surah ?? 1);
  const [from, setFrom] = useState(String(initial?.fromAyah ?? 1));
  const [to, setTo] = useState(String(initial?.toAyah ?? ayahCount(initial?.surah ?? 1)));
  const max = ayahCount(surah);
  const fromN = Number(from);
  const toN = Number(to);
  const valid = Number.isInteger(fromN) && Number.isInteger(toN) && fromN >= 1 && toN <= max && fromN <= toN;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onPick({ surah, fromAyah: fromN, toAyah: toN });
  };
  return (
    <form className="mushaf-picker" onSubmit={submit} data-testid={compact ? 'mushaf-browse' : 'mushaf-picker'}>
      <Field label={t('tools.surah')} className="min-w-40">
        <Select
          value={surah}
          onChange={(e) => {
            const next = Number(e.target.value);
            setSurah(next);
            setFrom('1');
            setTo(String(ayahCount(next)));
          }}
          data-testid="mushaf-surah"
        >
          {SURAHS.map((s) => (
            <option key={s} value={s}>
              {t('tools.surahOption', { number: s, name: surahName(s, locale) })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('tools.fromAyah')} className="w-24">
        <Input type="number" inputMode="numeric" min={1} max={max} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="mushaf-from" />
      </Field>
      <Field label={t('tools.toAyah')} className="w-24">
        <Input type="number" inputMode="numeric" min={1} max={max} value={to} onChange={(e) => setTo(e.target.value)} data-testid="mushaf-to" />
      </Field>
      <Button type="submit" size="sm" disabled={busy || !valid} className="self-end" data-testid={compact ? 'mushaf-browse-go' : 'mushaf-show'}>
        {submitLabel}
      </Button>
      {!valid && <ErrorText className="basis-full">{t('tools.invalidRange')}</ErrorText>}
    </form>
  );
}
