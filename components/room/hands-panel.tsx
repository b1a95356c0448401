'use client';

import { useMutation } from '@tanstack/react-query';
import { Hand } from 'lucide-react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorText } from '@/components/ui/notice';
import { toast } from '@/components/ui/toast';
import type { RaisedHand } from '@/shared/classroom/hand-and-announcement';
import { SpeakerButton } from './speaker-button';
import type { RoomAction } from './room-action';

const HandIcon = () => <Hand aria-hidden className="inline size-4 align-[-2px] text-[#b45309]" />;

/**
 * The student's raise / lower hand, as a pinned action of the control bar
 * (always on screen, whatever its size). Null until the room state is known.
 */
export function useHandAction(sessionId: number, state: { raisedHands: RaisedHand[]; me: { userId: number } } | undefined): RoomAction | null {
  const { t } = useText();
  const trpc = useTRPC();
  const onError = () => toast.error(t('actionFailed'), { id: 'hand-failed' });
  const raise = useMutation(trpc.room.raiseHand.mutationOptions({ onError }));
  const lower = useMutation(trpc.room.lowerHand.mutationOptions({ onError }));
  if (!state) return null;
  const mine = state.raisedHands.some((h) => h.userId === state.me.userId);
  return {
    id: 'hand',
    testId: 'hand-toggle',
    label: mine ? t('room.lowerHand') : t('room.raiseHand'),
    icon: <Hand aria-hidden />,
    pinned: true,
    pressed: mine,
    disabled: raise.isPending || lower.isPending,
    onSelect: () => (mine ? lower.mutate({ sessionId }) : raise.mutate({ sessionId })),
  };
}

/**
 * The raised hands, oldest first, for everyone; a student sees that their
 * own hand is up (the button is the control bar's); the teacher lowers one
 * or all.
 */
export function HandsPanel({
  sessionId,
  hands,
  myUserId,
  canRaise,
  canManage,
  speaking,
}: {
  sessionId: number;
  hands: RaisedHand[];
  myUserId: number;
  canRaise: boolean;
  canManage: boolean;
  /** While microphones are locked the teacher may let one raised hand speak; null otherwise. */
  speaking?: { speakerIdentity: string | null } | null;
}) {
  const { t, formatTime } = useText();
  const trpc = useTRPC();
  const lower = useMutation(trpc.room.lowerHand.mutationOptions());
  const lowerAll = useMutation(trpc.room.lowerAllHands.mutationOptions());
  const mine = hands.some((h) => h.userId === myUserId);
  const error = lower.error ?? lowerAll.error;

  return (
    <Card aria-labelledby="hands-title" data-testid="hands-panel">
      <h2 id="hands-title" className="flex items-center gap-2 text-base">
        {t('room.raisedHands')} <Badge data-testid="hands-count">{hands.length}</Badge>
      </h2>
      {canRaise && mine && (
        <p data-testid="my-hand-raised" role="status">
          <HandIcon /> {t('room.handIsRaised')}
        </p>
      )}
      {hands.length === 0 ? (
        <p className="text-muted">{t('room.noRaisedHands')}</p>
      ) : (
        <ol className="m-0 mb-3 list-none p-0" data-testid="raised-hands">
          {hands.map((h) => (
            <li key={h.userId} data-testid={`raised-hand-${h.userId}`} className="flex items-center justify-between gap-2 border-b border-line py-1.5">
              <span>
                <HandIcon /> {h.name}
                {h.userId === myUserId && ` (${t('room.you')})`} <span className="text-muted">{formatTime(h.raisedAt)}</span>
              </span>
              {canManage && (
                <span className="flex flex-wrap items-center gap-1.5">
                  {speaking && <SpeakerButton sessionId={sessionId} identity={h.identity} name={h.name} speakerIdentity={speaking.speakerIdentity} />}
                  <Button variant="secondary" size="sm" onClick={() => lower.mutate({ sessionId, userId: h.userId })} aria-label={`${t('room.lowerHand')}: ${h.name}`}>
                    {t('room.lowerHand')}
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canManage && hands.length > 0 && (
        <Button variant="secondary" disabled={lowerAll.isPending} onClick={() => lowerAll.mutate({ sessionId })}>
          {t('room.lowerAllHands')}
        </Button>
      )}
      {error && <ErrorText>{error.message}</ErrorText>}
    </Card>
  );
}
