'use client';

import '@fontsource/amiri-quran/arabic-400.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/notice';
import type { MushafView } from '@/shared/classroom/mushaf';
import { MushafPicker } from './mushaf-picker';
import { MushafVerses } from './mushaf-verses';

/**
 * The shared Mushaf. The teacher picks a surah and ayahs and taps the ayah
 * being recited; the server stores it and tells everyone. A student follows
 * the teacher's view, may browse elsewhere on their own, and "Follow the
 * teacher" brings them back.
 */
export function MushafPanel({ sessionId, view, canManage, onHide }: { sessionId: number; view: MushafView | null; canManage: boolean; onHide(): void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const [browsing, setBrowsing] = useState<MushafView | null>(null);
  const set = useMutation(trpc.mushaf.set.mutationOptions());
  const close = useMutation(trpc.mushaf.close.mutationOptions({ onSuccess: onHide }));
  const shown = browsing ?? view;
  const text = useQuery({
    ...trpc.mushaf.text.queryOptions(shown ? { surah: shown.surah, fromAyah: shown.fromAyah, toAyah: shown.toAyah } : { surah: 1, fromAyah: 1, toAyah: 1 }),
    enabled: shown !== null,
    staleTime: Infinity,
  });
  const share = (next: MushafView) => set.mutate({ sessionId, ...next });
  const highlight = (ayah: number) => {
    if (canManage && view) share({ ...view, highlight: ayah });
  };
  const step = (delta: number) => {
    if (!view) return;
    const next = Math.min(view.toAyah, Math.max(view.fromAyah, (view.highlight ?? view.fromAyah - delta) + delta));
    share({ ...view, highlight: next });
  };
  return (
    <section className="mushaf-panel" aria-labelledby="mushaf-title" data-testid="mushaf-panel">
      <div className="mushaf-bar">
        <h2 id="mushaf-title" className="m-0 text-base">
          {t('tools.mushafTitle')}
        </h2>
        {canManage && view && (
          <>
            <Button size="sm" variant="ghost" onClick={() => step(-1)} aria-label={t('tools.previousAyah')} data-testid="mushaf-previous">
              <ChevronRight aria-hidden className="rtl-flip" />
            </Button>
            <Button size="sm" variant="ghost" onClick={() => step(1)} aria-label={t('tools.nextAyah')} data-testid="mushaf-next">
              <ChevronLeft aria-hidden className="rtl-flip" />
            </Button>
            <Button size="sm" variant="ghost" onClick={() => close.mutate({ sessionId })} data-testid="mushaf-close">
              <X aria-hidden />
              {t('tools.closeMushaf')}
            </Button>
          </>
        )}
        {!canManage && view && (browsing ? (
          <Button size="sm" onClick={() => setBrowsing(null)} data-testid="mushaf-follow">
            {t('tools.followTeacher')}
          </Button>
        ) : (
          <span className="text-sm text-muted" data-testid="mushaf-following">
            {t('tools.following')}
          </span>
        ))}
      </div>
      {canManage ? (
        <MushafPicker key={view ? `${view.surah}:${view.fromAyah}:${view.toAyah}` : 'none'} initial={view} onPick={(v) => share({ ...v, highlight: view?.surah === v.surah ? clampHighlight(view.highlight, v) : null })} busy={set.isPending} submitLabel={t('tools.showToEveryone')} />
      ) : (
        view && <MushafPicker key={`browse:${shown?.surah}`} initial={shown} onPick={(v) => setBrowsing({ ...v, highlight: null })} busy={false} submitLabel={t('tools.mushaf')} compact />
      )}
      {browsing && <p className="m-0 px-3 text-sm text-muted">{t('tools.browsing')}</p>}
      {(set.error ?? close.error) && <ErrorText className="px-3">{(set.error ?? close.error)!.message}</ErrorText>}
      {canManage && view && <p className="m-0 px-3 text-sm text-muted">{t('tools.highlightHint')}</p>}
      {shown && text.data && (
        <MushafVerses text={text.data} highlight={shown.highlight} onAyah={canManage && !browsing ? highlight : undefined} />
      )}
      {shown && text.isPending && <p className="m-0 px-3 text-muted">{t('tools.loadingText')}</p>}
      <p className="mushaf-credit">{t('tools.credit')}</p>
    </section>
  );
}

function clampHighlight(highlight: number | null, v: { fromAyah: number; toAyah: number }): number | null {
  return highlight !== null && highlight >= v.fromAyah && highlight <= v.toAyah ? highlight : null;
}
