'use client';

import { useMutation } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useTRPC } from '@/components/trpc-provider';
import type { RaisedHand } from '@/server/db/schema/controls';

function HandIcon() {
  return (
    <svg className="hand-icon" aria-hidden viewBox="0 0 24 24" width="16" height="16" fill="currentColor">
      <path d="M7 11V5.5a1.5 1.5 0 0 1 3 0V10h1V3.5a1.5 1.5 0 0 1 3 0V10h1V4.5a1.5 1.5 0 0 1 3 0V14c0 4.4-2.7 8-7 8-3 0-4.8-1.6-6.3-4.2L2.6 13.6a1.5 1.5 0 0 1 2.5-1.6L7 14.6V11z" />
    </svg>
  );
}

/**
 * The raised hands, oldest first, for everyone; a student's own raise/lower
 * button; the teacher lowers one or all.
 */
export function HandsPanel({
  sessionId,
  hands,
  myUserId,
  canRaise,
  canManage,
}: {
  sessionId: number;
  hands: RaisedHand[];
  myUserId: number;
  canRaise: boolean;
  canManage: boolean;
}) {
  const { t, formatTime } = useI18n();
  const trpc = useTRPC();
  const raise = useMutation(trpc.room.raiseHand.mutationOptions());
  const lower = useMutation(trpc.room.lowerHand.mutationOptions());
  const lowerAll = useMutation(trpc.room.lowerAllHands.mutationOptions());
  const mine = hands.some((h) => h.userId === myUserId);
  const busy = raise.isPending || lower.isPending;

  return (
    <section className="card" aria-labelledby="hands-title" data-testid="hands-panel">
      <h2 id="hands-title">
        {t('room.raisedHands')} <span className="badge" data-testid="hands-count">{hands.length}</span>
      </h2>
      {canRaise && (
        <p>
          <button
            className={`btn ${mine ? 'secondary' : ''}`}
            type="button"
            aria-pressed={mine}
            disabled={busy}
            data-testid="hand-toggle"
            onClick={() => (mine ? lower.mutate({ sessionId }) : raise.mutate({ sessionId }))}
          >
            {mine ? t('room.lowerHand') : t('room.raiseHand')}
          </button>{' '}
          {mine && (
            <span data-testid="my-hand-raised" role="status">
              <HandIcon /> {t('room.handIsRaised')}
            </span>
          )}
        </p>
      )}
      {hands.length === 0 ? (
        <p className="muted">{t('room.noRaisedHands')}</p>
      ) : (
        <ol className="hands" data-testid="raised-hands">
          {hands.map((h) => (
            <li key={h.userId} data-testid={`raised-hand-${h.userId}`}>
              <span>
                <HandIcon /> {h.name}
                {h.userId === myUserId && ` (${t('room.you')})`} <span className="muted">{formatTime(h.raisedAt)}</span>
              </span>
              {canManage && (
                <button className="btn secondary small" type="button" onClick={() => lower.mutate({ sessionId, userId: h.userId })} aria-label={`${t('room.lowerHand')}: ${h.name}`}>
                  {t('room.lowerHand')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canManage && hands.length > 0 && (
        <button className="btn secondary" type="button" disabled={lowerAll.isPending} onClick={() => lowerAll.mutate({ sessionId })}>
          {t('room.lowerAllHands')}
        </button>
      )}
      {(raise.error ?? lower.error ?? lowerAll.error) && (
        <p role="alert" className="error">
          {(raise.error ?? lower.error ?? lowerAll.error)!.message}
        </p>
      )}
    </section>
  );
}
