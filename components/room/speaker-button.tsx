'use client';

import { useMutation } from '@tanstack/react-query';
import { Mic, MicOff } from 'lucide-react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

/**
 * After mute all, the teacher lets one student speak and takes it back
 * (docs/rules.md#classroom-controls). The server changes that student's
 * LiveKit permission; this button only asks.
 */
export function SpeakerButton({ sessionId, identity, name, speakerIdentity }: { sessionId: number; identity: string; name: string; speakerIdentity: string | null }) {
  const { t } = useText();
  const trpc = useTRPC();
  const onDone = {
    onSuccess: (r: { enforced: boolean }) => {
      if (!r.enforced) toast.info(t('room.notApplied'), { id: 'room-not-applied' });
    },
    onError: (e: { message: string }) => toast.error(e.message),
  };
  const allow = useMutation(trpc.room.allowSpeaker.mutationOptions(onDone));
  const revoke = useMutation(trpc.room.revokeSpeaker.mutationOptions(onDone));
  const speaking = speakerIdentity === identity;
  return speaking ? (
    <Button variant="secondary" size="sm" disabled={revoke.isPending} data-testid={`take-back-${identity}`} aria-label={`${t('classroom.takeBack')}: ${name}`} onClick={() => revoke.mutate({ sessionId })}>
      <MicOff aria-hidden />
      {t('classroom.takeBack')}
    </Button>
  ) : (
    <Button size="sm" disabled={allow.isPending} data-testid={`let-speak-${identity}`} aria-label={`${t('classroom.letSpeak')}: ${name}`} onClick={() => allow.mutate({ sessionId, identity })}>
      <Mic aria-hidden />
      {t('classroom.letSpeak')}
    </Button>
  );
}
