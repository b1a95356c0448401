import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zone';
import { passwordProblem } from './password-rule';

describe('isIanaTimeZone', () => {
  it('accepts IANA names', () => {
    for (const name of ['Asia/Riyadh', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Africa/Cairo', 'America/Port-au-Prince']) expect(isIanaTimeZone(name), name).toBe(true);
  });
  it('refuses offsets, abbreviations, unknown and malformed names', () => {
    for (const name of ['', '+03:00', 'GMT+3', 'AST', 'Asia/Nowhere', 'asia riyadh', '../etc/passwd', 'Asia/Riyadh/', 'x'.repeat(300), 'آسيا/الرياض']) expect(isIanaTimeZone(name), name).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('counts characters, not bytes: twelve Arabic letters are enough', () => {
    expect(passwordProblem('كلمةسرطويلةج')).toBeNull();
    expect(passwordProblem('short')).toBe('too-short');
    expect(passwordProblem('x'.repeat(201))).toBe('too-long');
    expect(passwordProblem('correct horse')).toBeNull();
  });
});
