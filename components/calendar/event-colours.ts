/**
 * How the calendar colours a session: its kind picks the hue, its status the
 * shade. Sessions to come are dark with white text; finished ones light with
 * dark text; a live one red; a cancelled one grey and struck through. Every
 * pair has at least 4.5:1 contrast (axe checks the page).
 */
import type { SessionKind, SessionStatus } from '@/server/db/schema/enums';

export interface EventColours {
  background: string;
  text: string;
  struck: boolean;
}

const KIND: Record<SessionKind, { dark: string; light: string; ink: string }> = {
  quran: { dark: '#0b5d3b', light: '#d8f0e3', ink: '#0b4d33' },
  academic: { dark: '#1d4e89', light: '#dce8f7', ink: '#1d3f6e' },
  interactive_course: { dark: '#6b2c91', light: '#ecdff5', ink: '#4a1d66' },
};

export function eventColours(kind: SessionKind, status: SessionStatus): EventColours {
  if (status === 'cancelled') return { background: '#ececec', text: '#3d3d3d', struck: true };
  if (status === 'ongoing') return { background: '#8a1111', text: '#ffffff', struck: false };
  const hue = KIND[kind];
  if (status === 'completed' || status === 'absent') return { background: hue.light, text: hue.ink, struck: false };
  return { background: hue.dark, text: '#ffffff', struck: false };
}

export const LEGEND_KINDS: readonly SessionKind[] = ['quran', 'academic', 'interactive_course'];
export const LEGEND_STATUSES: readonly SessionStatus[] = ['scheduled', 'ongoing', 'completed', 'cancelled'];
