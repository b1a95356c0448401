/**
 * What app/recording-layout renders, for the egress that opens it with its
 * token: the layout's context and the LiveKit URL to join, or null (the page
 * answers 404, saying nothing about which sessions exist).
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { getEnv } from '@/server/env';
import { DomainError } from '@/server/lib/domain-error';
import { getRecordingLayoutContext, type RecordingLayoutContext } from '@/server/modules/recordings';

export async function recordingLayoutFor(deps: Deps, token: string | undefined): Promise<{ context: RecordingLayoutContext; serverUrl: string; token: string } | null> {
  // The LiveKit URL Halaqa knows, not the one in the address: the page never connects elsewhere.
  const livekit = getEnv().livekit;
  if (!livekit || !token) return null;
  try {
    return { context: await getRecordingLayoutContext(deps, token), serverUrl: livekit.wsUrl, token };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
