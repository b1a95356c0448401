'use client';

import { ChatIcon, ChatToggle, DisconnectButton, LeaveIcon, MediaDeviceMenu, StartAudio, TrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { useText } from '@/components/i18n/use-text';

const canShareScreen = () => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

/**
 * LiveKit's control bar, in the viewer's language, offering only what this
 * participant may publish (the room's controls decide, LiveKit enforces).
 */
export function ClassroomControlBar({ microphone, camera, screenShare, chat = true }: { microphone: boolean; camera: boolean; screenShare: boolean; chat?: boolean }) {
  const { t } = useText();
  const [sharing, setSharing] = useState(false);
  return (
    <div className="lk-control-bar" role="toolbar" aria-label={t('room.mediaControls')}>
      {microphone && (
        <div className="lk-button-group">
          <TrackToggle source={Track.Source.Microphone} showIcon>
            {t('room.microphone')}
          </TrackToggle>
          <div className="lk-button-group-menu">
            <MediaDeviceMenu kind="audioinput" aria-label={t('room.chooseMicrophone')} />
          </div>
        </div>
      )}
      {camera && (
        <div className="lk-button-group">
          <TrackToggle source={Track.Source.Camera} showIcon>
            {t('room.camera')}
          </TrackToggle>
          <div className="lk-button-group-menu">
            <MediaDeviceMenu kind="videoinput" aria-label={t('room.chooseCamera')} />
          </div>
        </div>
      )}
      {screenShare && canShareScreen() && (
        <TrackToggle source={Track.Source.ScreenShare} captureOptions={{ audio: true, selfBrowserSurface: 'include' }} showIcon onChange={setSharing}>
          {sharing ? t('room.stopScreenShare') : t('room.shareScreen')}
        </TrackToggle>
      )}
      {/* Chat off (the teacher's setting, or an observer): LiveKit refuses their messages, so no button. */}
      {chat && (
        <ChatToggle>
          <ChatIcon aria-hidden />
          {t('room.chat')}
        </ChatToggle>
      )}
      <DisconnectButton>
        <LeaveIcon aria-hidden />
        {t('room.leave')}
      </DisconnectButton>
      <StartAudio label={t('room.startAudio')} />
    </div>
  );
}
