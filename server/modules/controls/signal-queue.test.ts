import { describe, expect, it } from 'vitest';
import { cursorOf } from './stream-room-events';
import { SignalQueue } from './signal-queue';

const sig = (kind: 'command' | 'attendance' | 'state', id: string) => ({ sessionId: 1, kind, id });

describe('SignalQueue', () => {
  it('hands queued signals out in order and wakes a waiting reader', async () => {
    const q = new SignalQueue();
    q.push(sig('command', 'a'));
    q.push(sig('command', 'b'));
    expect(await q.next()).toMatchObject({ id: 'a' });
    expect(await q.next()).toMatchObject({ id: 'b' });
    const waiting = q.next();
    q.push(sig('state', 'c'));
    expect(await waiting).toMatchObject({ id: 'c' });
  });

  it('coalesces attendance signals waiting in the queue', async () => {
    const q = new SignalQueue();
    q.push(sig('attendance', '1'));
    q.push(sig('attendance', '2'));
    q.push(sig('command', 'x'));
    expect(await q.next()).toMatchObject({ kind: 'attendance' });
    expect(await q.next()).toMatchObject({ kind: 'command' });
  });

  it('answers null once aborted', async () => {
    const q = new SignalQueue();
    const abort = new AbortController();
    const waiting = q.next(abort.signal);
    abort.abort();
    expect(await waiting).toBeNull();
    expect(await q.next(abort.signal)).toBeNull();
  });

  it('collapses a backlog into one state snapshot', async () => {
    const q = new SignalQueue();
    for (let i = 0; i < 600; i++) q.push(sig('command', String(i)));
    expect(q.overflowed).toBe(true);
    expect(q.size).toBeLessThan(200);
    expect(await q.next()).toMatchObject({ kind: 'state' });
  });
});

describe('cursorOf', () => {
  const id = '0b6a4c5e-1f2a-4b3c-8d9e-0f1a2b3c4d5e';
  it('reads the command id at the head of any event id', () => {
    expect(cursorOf(id)).toBe(id);
    expect(cursorOf(`${id}:s3`)).toBe(id);
    expect(cursorOf('0:a1')).toBeNull();
    expect(cursorOf(null)).toBeNull();
    expect(cursorOf("x'; drop table")).toBeNull();
  });
});
