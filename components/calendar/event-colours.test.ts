import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES } from '@/shared/session-status';
import { eventColours } from './event-colours';

/** WCAG relative luminance contrast of two '#rrggbb' colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('eventColours', () => {
  it('gives every kind and status readable text (4.5:1 or more)', () => {
    for (const kind of ['quran', 'academic', 'interactive_course'] as const) {
      for (const status of SESSION_STATUSES) {
        const { background, text } = eventColours(kind, status);
        expect(contrast(background, text), `${kind} ${status}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('tells the kinds apart while they are to come, and strikes through only a cancelled session', () => {
    const upcoming = new Set(['quran', 'academic', 'interactive_course'].map((k) => eventColours(k as 'quran', 'scheduled').background));
    expect(upcoming.size).toBe(3);
    expect(SESSION_STATUSES.filter((s) => eventColours('quran', s).struck)).toEqual(['cancelled']);
  });
});
