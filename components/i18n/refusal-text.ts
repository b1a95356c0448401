'use client';

import { useText } from './use-text';

const REASONS = ['video-unavailable', 'recording-storage', 'recording-service', 'recording-refused', 'recording-turned-off', 'recording-no-room', 'recording-not-running'] as const;

interface RefusalLike {
  message: string;
  /** tRPC's error data; refusals carry `reason` and, for super admins, `detail`. */
  data?: object | null;
}

const field = (data: object | null | undefined, name: 'reason' | 'detail'): string | null => {
  const value = data && name in data ? (data as Record<string, unknown>)[name] : null;
  return typeof value === 'string' ? value : null;
};

/**
 * A refusal in the reader's language: a reason the server named
 * (server/lib/domain-error.ts) is worded from the catalogue, anything else is
 * the server's own message. The technical detail comes only to super admins.
 */
export function useRefusalText() {
  const { t } = useText();
  return (error: RefusalLike | null | undefined, code?: string | null): { text: string; detail: string | null } | null => {
    if (!error && !code) return null;
    const reason = code ?? field(error?.data, 'reason');
    const known = REASONS.find((r) => r === reason);
    return { text: known ? t(`refusal.${known}`) : (error?.message ?? ''), detail: field(error?.data, 'detail') };
  };
}
