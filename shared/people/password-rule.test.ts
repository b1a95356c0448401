import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rule';

describe('passwordProblem', () => {
  it('counts characters, not bytes: twelve Arabic letters are enough', () => {
    expect(passwordProblem('كلمةسرطويلةج')).toBeNull();
    expect(passwordProblem('short')).toBe('too-short');
    expect(passwordProblem('x'.repeat(201))).toBe('too-long');
    expect(passwordProblem('correct horse')).toBeNull();
  });
});
