'use client';

import { useMediaDeviceSelect, useTrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { Ellipsis, MonitorUp } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useText } from '@/components/i18n/use-text';
import { cn } from '@/components/ui/cn';
import type { RoomAction } from './room-action';

const canShareScreen = () => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

const ITEM =
  'flex min-h-11 cursor-pointer select-none items-center gap-2 rounded-md px-3 py-2 text-[0.95rem] text-fg outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60 data-[highlighted]:bg-accent-soft [&_svg]:size-4 [&_svg]:shrink-0';
const LABEL = 'px-3 pt-2 pb-1 text-sm font-semibold text-muted';

/**
 * The control bar's "More" menu (Radix: arrow keys, Escape, focus back to
 * the button; it stays inside the screen on a phone): screen sharing, the
 * choice of microphone and camera, then the room's other actions.
 */
export function MoreMenu({ screenShare, microphone, camera, actions }: { screenShare: boolean; microphone: boolean; camera: boolean; actions: RoomAction[] }) {
  const { t, dir } = useText();
  return (
    <DropdownMenu.Root dir={dir}>
      <DropdownMenu.Trigger className="lk-button" data-testid="bar-more">
        <Ellipsis aria-hidden />
        <span className="bar-label">{t('roomBar.more')}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          data-testid="more-menu"
          side="top"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] w-[min(20rem,calc(100vw-1rem))] overflow-y-auto rounded-lg border border-line bg-card p-1 text-fg shadow-lg"
        >
          {screenShare && canShareScreen() && <ScreenShareItem />}
          {microphone && <DeviceChoice kind="audioinput" label={t('room.chooseMicrophone')} />}
          {camera && <DeviceChoice kind="videoinput" label={t('room.chooseCamera')} />}
          {actions.length > 0 && (screenShare || microphone || camera) && <DropdownMenu.Separator className="my-1 h-px bg-line" />}
          {actions.map((a) =>
            // A toggle is a checkbox item (announced as checked or not), anything else a plain item.
            a.pressed === undefined ? (
              <DropdownMenu.Item key={a.id} className={cn(ITEM, a.tone === 'danger' && 'text-danger')} disabled={a.disabled} onSelect={a.onSelect} data-testid={a.testId ?? a.id}>
                {a.icon}
                {a.label}
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.CheckboxItem
                key={a.id}
                className={cn(ITEM, a.tone === 'danger' && 'text-danger')}
                disabled={a.disabled}
                checked={a.pressed}
                onSelect={a.onSelect}
                data-testid={a.testId ?? a.id}
              >
                {a.icon}
                {a.label}
              </DropdownMenu.CheckboxItem>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function ScreenShareItem() {
  const { t } = useText();
  const { toggle, enabled, pending } = useTrackToggle({ source: Track.Source.ScreenShare, captureOptions: { audio: true, selfBrowserSurface: 'include' } });
  return (
    <DropdownMenu.Item className={ITEM} disabled={pending} onSelect={() => void toggle()} data-testid="menu-screen-share">
      <MonitorUp aria-hidden />
      {enabled ? t('room.stopScreenShare') : t('room.shareScreen')}
    </DropdownMenu.Item>
  );
}

/** The devices of one kind as a radio group; choosing one switches the published track. */
function DeviceChoice({ kind, label }: { kind: 'audioinput' | 'videoinput'; label: string }) {
  const { t } = useText();
  const { devices, activeDeviceId, setActiveMediaDevice } = useMediaDeviceSelect({ kind });
  return (
    <DropdownMenu.Group>
      <DropdownMenu.Label className={LABEL}>{label}</DropdownMenu.Label>
      <DropdownMenu.RadioGroup value={activeDeviceId} onValueChange={(id) => void setActiveMediaDevice(id)}>
        {devices.map((d, i) => (
          <DropdownMenu.RadioItem key={d.deviceId || i} value={d.deviceId} className={ITEM} onSelect={(e) => e.preventDefault()}>
            <span aria-hidden className="inline-block size-2.5 shrink-0 rounded-full border border-accent data-[on=true]:bg-accent" data-on={d.deviceId === activeDeviceId} />
            <span dir="auto">{d.label || t('roomBar.deviceNumber', { number: i + 1 })}</span>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </DropdownMenu.Group>
  );
}
