'use client';

import { useMediaDevices, usePreviewTracks, type LocalUserChoices } from '@livekit/components-react';
import { Track, type LocalVideoTrack } from 'livekit-client';
import { Mic, MicOff, Video, VideoOff } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useText } from '@/components/i18n/use-text';

/**
 * The device check before joining, in the viewer's language: a camera
 * preview, camera and microphone on/off, the choice of each, and Join. The
 * name comes from the account (the token carries it), so none is asked for.
 * `camera` / `microphone` false: not offered at all (nothing to publish).
 */
export function ClassroomPreJoin({
  camera,
  microphone,
  joining,
  onJoin,
  children,
}: {
  camera: boolean;
  microphone: boolean;
  joining: boolean;
  onJoin: (choices: LocalUserChoices) => void;
  children?: ReactNode;
}) {
  const { t } = useText();
  const [videoEnabled, setVideoEnabled] = useState(camera);
  const [audioEnabled, setAudioEnabled] = useState(microphone);
  const [videoDeviceId, setVideoDeviceId] = useState('');
  const [audioDeviceId, setAudioDeviceId] = useState('');
  const [deviceError, setDeviceError] = useState(false);
  const tracks = usePreviewTracks(
    {
      audio: audioEnabled && microphone ? { deviceId: audioDeviceId || undefined } : false,
      video: videoEnabled && camera ? { deviceId: videoDeviceId || undefined } : false,
    },
    () => setDeviceError(true),
  );
  const videoTrack = useMemo(() => tracks?.find((tr) => tr.kind === Track.Kind.Video) as LocalVideoTrack | undefined, [tracks]);
  const videoEl = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = videoEl.current;
    if (!el || !videoTrack) return;
    videoTrack.attach(el);
    return () => void videoTrack.detach(el);
  }, [videoTrack]);

  const join = () => onJoin({ username: '', videoEnabled: videoEnabled && camera, audioEnabled: audioEnabled && microphone, videoDeviceId, audioDeviceId });

  return (
    <div className="lk-prejoin classroom-prejoin" data-testid="pre-join">
      {camera && (
        <div className="classroom-prejoin-preview">
          {videoTrack && videoEnabled ? <video ref={videoEl} muted playsInline aria-label={t('roomBar.cameraPreview')} /> : <p className="classroom-prejoin-off">{t('roomBar.cameraOff')}</p>}
        </div>
      )}
      {(camera || microphone) && (
        <div className="classroom-prejoin-devices">
          {microphone && (
            <DeviceRow
              kind="audioinput"
              label={t('room.microphone')}
              chooseLabel={t('room.chooseMicrophone')}
              enabled={audioEnabled}
              onToggle={() => setAudioEnabled((v) => !v)}
              icon={audioEnabled ? <Mic aria-hidden /> : <MicOff aria-hidden />}
              deviceId={audioDeviceId}
              onDevice={setAudioDeviceId}
            />
          )}
          {camera && (
            <DeviceRow
              kind="videoinput"
              label={t('room.camera')}
              chooseLabel={t('room.chooseCamera')}
              enabled={videoEnabled}
              onToggle={() => setVideoEnabled((v) => !v)}
              icon={videoEnabled ? <Video aria-hidden /> : <VideoOff aria-hidden />}
              deviceId={videoDeviceId}
              onDevice={setVideoDeviceId}
            />
          )}
        </div>
      )}
      {deviceError && (
        <p className="classroom-prejoin-error" role="alert">
          {t('roomBar.deviceError')}
        </p>
      )}
      <button type="button" className="lk-button lk-join-button" disabled={joining} onClick={join} data-testid="join-room">
        {t('join')}
      </button>
      {children}
    </div>
  );
}

function DeviceRow({
  kind,
  label,
  chooseLabel,
  enabled,
  onToggle,
  icon,
  deviceId,
  onDevice,
}: {
  kind: MediaDeviceKind;
  label: string;
  chooseLabel: string;
  enabled: boolean;
  onToggle: () => void;
  icon: ReactNode;
  deviceId: string;
  onDevice: (id: string) => void;
}) {
  const { t } = useText();
  const devices = useMediaDevices({ kind });
  const selectId = useId();
  return (
    <div className="classroom-prejoin-row">
      <button type="button" className="lk-button" aria-pressed={enabled} onClick={onToggle} data-testid={`prejoin-${kind}`}>
        {icon}
        {label}
      </button>
      {devices.length > 1 && (
        <>
          <label htmlFor={selectId} className="sr-only">
            {chooseLabel}
          </label>
          <select id={selectId} className="lk-form-control" value={deviceId} onChange={(e) => onDevice(e.target.value)}>
            <option value="">{t('roomBar.defaultDevice')}</option>
            {devices.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || t('roomBar.deviceNumber', { number: i + 1 })}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
