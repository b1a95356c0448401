import { describe, expect, it } from 'vitest';
import { dashboardMessages } from './messages';
import { RECORDING_STATUSES } from './recording-format';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dashboard messages', () => {
  it('has the same keys in English and Arabic, none of them empty', () => {
    const { en, ar } = dashboardMessages;
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const [locale, messages] of Object.entries(dashboardMessages)) {
      const empty = Object.entries(messages).filter(([, text]) => !text.trim());
      expect(empty, `${locale}: empty strings`).toEqual([]);
    }
  });

  it('fills the same {placeholders} in both languages', () => {
    const { en, ar } = dashboardMessages;
    const differing = (Object.keys(en) as (keyof typeof en)[]).filter((key) => placeholders(en[key]).join() !== placeholders(ar[key]).join());
    expect(differing).toEqual([]);
  });

  it('names every recording state', () => {
    for (const status of RECORDING_STATUSES) {
      expect(Object.keys(dashboardMessages.en)).toContain(`recording.${status}`);
    }
  });
});
