'use client';

import { useMutation } from '@tanstack/react-query';
import { Clock } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/notice';
import { canExtend, clockPhase, EXTENSION_STEPS, maxEndMs, plannedEndMs, secondsLeft, type ClassTimes } from '@/shared/classroom/class-clock';

/** Re-renders every second while mounted: the countdown ticks. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Clocks differ a little: ask a moment after the maximum rather than be refused. */
const MAXIMUM_SLACK_MS = 3_000;

const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Five minutes before the planned end everyone in the room sees the time
 * left (docs/rules.md#running-over-and-ending); the teacher may extend by
 * 5 or 15 minutes up to the maximum. Past the planned end it says the class
 * is running over and when the room closes at the latest.
 */
export function ClassClockBar({ sessionId, times, canManage, onExtended }: { sessionId: number; times: ClassTimes; canManage: boolean; onExtended: () => void }) {
  const { t, formatTime } = useText();
  const trpc = useTRPC();
  const now = useNow();
  const extend = useMutation(trpc.room.extend.mutationOptions({ onSuccess: onExtended }));
  const expire = useMutation(trpc.room.endAtMaximum.mutationOptions({ onSuccess: onExtended }));
  const phase = clockPhase(times, now);
  // At the maximum the room asks the server to end the class (the server checks its own clock); once.
  const atMaximum = now >= maxEndMs(times) + MAXIMUM_SLACK_MS;
  const askEnd = expire.mutate;
  const asked = expire.isIdle === false;
  useEffect(() => {
    if (atMaximum && !asked) askEnd({ sessionId });
  }, [atMaximum, asked, askEnd, sessionId]);
  if (phase !== 'countdown' && phase !== 'overtime') return null;
  const steps = EXTENSION_STEPS.filter((step) => canExtend(times, step, now));
  return (
    <div className="class-clock flex flex-wrap items-center gap-2 border-b border-[#e5c36b] bg-[#fff4d6] px-3 py-2 text-[#3d2e00]" data-testid="class-clock" data-phase={phase}>
      <Clock aria-hidden className="size-4" />
      <p className="m-0" role="timer" aria-live="off" data-testid="class-countdown">
        {phase === 'countdown'
          ? t('classroom.endsIn', { time: mmss(secondsLeft(plannedEndMs(times), now)) })
          : t('classroom.runningOver', { time: formatTime(new Date(maxEndMs(times))) })}
      </p>
      {canManage &&
        steps.map((step) => (
          <Button key={step} size="sm" variant="secondary" disabled={extend.isPending} data-testid={`extend-${step}`} onClick={() => extend.mutate({ sessionId, minutes: step })}>
            {t('classroom.extendBy', { minutes: step })}
          </Button>
        ))}
      {canManage && steps.length === 0 && <span className="text-sm">{t('classroom.atMaximum')}</span>}
      {extend.error && <ErrorText className="w-full">{extend.error.message}</ErrorText>}
    </div>
  );
}
