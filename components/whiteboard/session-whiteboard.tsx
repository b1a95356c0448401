'use client';

import { useQuery } from '@tanstack/react-query';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Card } from '@/components/ui/card';

/**
 * The session's final whiteboard on its page, as the teacher's browser saved it. An SVG shown
 * through <img>, where no script in it could run (the server refuses scripts besides).
 */
export function SessionWhiteboard({ sessionId }: { sessionId: number }) {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const image = useQuery(trpc.whiteboard.image.queryOptions({ sessionId }));
  if (!image.data) return null;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.data.svg)}`;
  return (
    <Card aria-labelledby="session-whiteboard" data-testid="session-whiteboard">
      <h2 id="session-whiteboard">{t('board.savedTitle')}</h2>
      <img src={src} alt={t('board.savedAlt')} className="h-auto max-w-full rounded border border-[#d1d5db] bg-white" data-testid="session-whiteboard-image" />
      <p className="text-sm text-muted">{t('board.savedAt', { at: formatDateTime(image.data.savedAt) })}</p>
    </Card>
  );
}
