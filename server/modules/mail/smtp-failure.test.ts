import { describe, expect, it } from 'vitest';
import { classifySmtpFailure } from './smtp-failure';

describe('classifySmtpFailure', () => {
  it('marks only a permanent refusal of the recipient as refused', () => {
    expect(classifySmtpFailure(Object.assign(new Error('550 mailbox unavailable'), { code: 'EENVELOPE', responseCode: 550 }))).toBe('refused-recipient');
    expect(classifySmtpFailure(Object.assign(new Error('553 bad address'), { code: 'EENVELOPE', responseCode: 553 }))).toBe('refused-recipient');
  });

  it('retries outages, temporary replies and configuration trouble', () => {
    expect(classifySmtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe('transient');
    expect(classifySmtpFailure(Object.assign(new Error('451 try later'), { code: 'EENVELOPE', responseCode: 451 }))).toBe('transient');
    expect(classifySmtpFailure(Object.assign(new Error('535 auth failed'), { code: 'EAUTH', responseCode: 535 }))).toBe('transient');
    expect(classifySmtpFailure(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }))).toBe('transient');
    expect(classifySmtpFailure(null)).toBe('transient');
  });
});
