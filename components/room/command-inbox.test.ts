import { describe, expect, it } from 'vitest';
import { CommandInbox } from './command-inbox';

describe('CommandInbox', () => {
  it('lets each id through once, whichever channel brings it first', () => {
    const inbox = new CommandInbox();
    expect(inbox.accept('a')).toBe(true);
    expect(inbox.accept('b')).toBe(true);
    expect(inbox.accept('a')).toBe(false);
    expect(inbox.accept('b')).toBe(false);
  });

  it('forgets the oldest ids beyond its capacity, and only those', () => {
    const inbox = new CommandInbox(3);
    for (const id of ['1', '2', '3', '4']) inbox.accept(id);
    expect(inbox.accept('4')).toBe(false);
    expect(inbox.accept('3')).toBe(false);
    expect(inbox.accept('1')).toBe(true);
  });
});
