'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import type { CommandEnvelope } from '@/shared/classroom/envelope';
import { applyCommand } from '@/shared/classroom/room-state';
import { CommandInbox } from './command-inbox';

export interface RoomControlHandlers {
  onEnded(): void;
  onRemoved(): void;
  onAttendance(): void;
}

/**
 * The room's control state (room.state) kept current by commands from both
 * channels: the LiveKit data channel (fed in through `apply`) and the
 * room.events stream. Each command applies once (by id), updates the state
 * at once with the shared reducer, then the truth is refetched; critical
 * commands are acknowledged.
 */
export function useRoomControls(sessionId: number, handlers: RoomControlHandlers) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useQuery({ ...trpc.room.state.queryOptions({ sessionId }), retry: false });
  const stateKey = trpc.room.state.queryKey({ sessionId });
  const ack = useMutation(trpc.room.ack.mutationOptions());
  const inbox = useRef(new CommandInbox());
  const latest = useRef({ handlers, ack: ack.mutate, userId: state.data?.me.userId });
  useEffect(() => {
    latest.current = { handlers, ack: ack.mutate, userId: state.data?.me.userId };
  });

  const apply = useCallback(
    (command: CommandEnvelope) => {
      if (!inbox.current.accept(command.id)) return;
      queryClient.setQueryData(stateKey, (old) => (old ? { ...old, ...applyCommand(old, command) } : old));
      // A whiteboard stroke changes only the scene's version, which the reducer applied: no refetch per stroke.
      if (command.type !== 'whiteboard_changed') void queryClient.invalidateQueries({ queryKey: stateKey });
      const { handlers: h, ack: sendAck, userId } = latest.current;
      if (command.critical) sendAck({ sessionId, commandId: command.id });
      if (command.type === 'meeting_ended') h.onEnded();
      if (command.type === 'remove_participant' && command.payload.userId === userId) h.onRemoved();
    },
    // stateKey is derived from sessionId.
    [queryClient, sessionId],
  );

  const events = useSubscription(
    trpc.room.events.subscriptionOptions(
      { sessionId },
      {
        enabled: state.isSuccess,
        onData: ({ data }) => {
          if (data.kind === 'command') apply(data.command);
          else if (data.kind === 'state') queryClient.setQueryData(stateKey, (old) => (old ? { ...old, ...data.state } : old));
          else latest.current.handlers.onAttendance();
        },
      },
    ),
  );

  return { state: state.data, stateError: state.error, apply, liveUpdates: events.status };
}
