import { VideoPresets, type RoomOptions } from 'livekit-client';

export type VideoQuality = 'low' | 'medium' | 'high';

/**
 * The meeting's video quality (the teacher's setting, docs/rules.md#join-grants)
 * as LiveKit capture and publish defaults: everyone's camera is captured and
 * sent at most at this resolution; simulcast lets weak connections take less.
 */
export function captureOptionsFor(quality: VideoQuality): RoomOptions {
  const preset = quality === 'low' ? VideoPresets.h360 : quality === 'medium' ? VideoPresets.h540 : VideoPresets.h720;
  return {
    adaptiveStream: true,
    dynacast: true,
    videoCaptureDefaults: { resolution: preset.resolution },
    publishDefaults: { simulcast: true, videoEncoding: preset.encoding },
  };
}
