'use client';

import { DisconnectButton, LeaveIcon, StartAudio, TrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { MessageSquare } from 'lucide-react';
import { useText } from '@/components/i18n/use-text';
import { MoreMenu } from './more-menu';
import type { RoomAction } from './room-action';

export interface ChatButtonState {
  open: boolean;
  unread: number;
  toggle(): void;
}

/**
 * The room's control bar: microphone, camera, the pinned actions (the
 * student's hand), chat, "More" and Leave stay in one row that fits a 360 px
 * phone; labels show beside the icons only when the bar has room for them
 * (room.css, a container query) and are the buttons' names otherwise.
 * Everything else (screen share, devices, the room's other actions) is an
 * entry of the "More" menu. It offers only what this participant may publish
 * (the room's controls decide, LiveKit enforces).
 */
export function ClassroomControlBar({
  microphone,
  camera,
  screenShare,
  chat,
  actions,
}: {
  microphone: boolean;
  camera: boolean;
  screenShare: boolean;
  chat: ChatButtonState | null;
  actions: RoomAction[];
}) {
  const { t } = useText();
  return (
    <div className="lk-control-bar classroom-bar" role="toolbar" aria-label={t('room.mediaControls')} data-testid="control-bar">
      {microphone && (
        <TrackToggle source={Track.Source.Microphone} showIcon data-testid="bar-microphone">
          <span className="bar-label">{t('room.microphone')}</span>
        </TrackToggle>
      )}
      {camera && (
        <TrackToggle source={Track.Source.Camera} showIcon data-testid="bar-camera">
          <span className="bar-label">{t('room.camera')}</span>
        </TrackToggle>
      )}
      {actions
        .filter((a) => a.pinned)
        .map((a) => (
          <button
            key={a.id}
            type="button"
            className={`lk-button${a.tone === 'danger' ? ' lk-disconnect-button' : ''}`}
            aria-pressed={a.pressed}
            disabled={a.disabled}
            onClick={a.onSelect}
            data-testid={a.testId ?? a.id}
          >
            {a.icon}
            <span className="bar-label">{a.label}</span>
          </button>
        ))}
      {chat && (
        <button type="button" className="lk-button lk-chat-toggle" aria-pressed={chat.open} onClick={chat.toggle} data-testid="chat-toggle">
          <MessageSquare aria-hidden />
          <span className="bar-label">{t('room.chat')}</span>
          {chat.unread > 0 && (
            <span className="bar-unread" data-testid="chat-unread">
              <span className="sr-only">{t('roomBar.unreadMessages', { count: chat.unread })}</span>
              <span aria-hidden>{chat.unread}</span>
            </span>
          )}
        </button>
      )}
      <MoreMenu screenShare={screenShare} microphone={microphone} camera={camera} actions={actions.filter((a) => !a.pinned)} />
      <DisconnectButton data-testid="bar-leave">
        <LeaveIcon aria-hidden />
        <span className="bar-label">{t('room.leave')}</span>
      </DisconnectButton>
      <StartAudio label={t('room.startAudio')} />
    </div>
  );
}
