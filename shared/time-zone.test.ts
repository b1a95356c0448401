import { describe, expect, it } from 'vitest';
import { isIanaTimeZone, timeZoneNames } from './time-zone';

describe('isIanaTimeZone', () => {
  it('accepts every name Intl lists, UTC, and aliases Intl understands', () => {
    for (const name of timeZoneNames()) expect(isIanaTimeZone(name), name).toBe(true);
    for (const name of ['UTC', 'Asia/Riyadh', 'America/Argentina/Buenos_Aires', 'Asia/Calcutta']) expect(isIanaTimeZone(name), name).toBe(true);
  });

  it('refuses offsets, abbreviations, made-up and malformed names', () => {
    for (const name of ['', '+03:00', 'EST', 'GMT+3', 'Mars/Olympus_Mons', 'asia/riyadh', 'Asia/', '../etc/passwd', 'Asia/Riyadh\n']) {
      expect(isIanaTimeZone(name), JSON.stringify(name)).toBe(false);
    }
  });
});
