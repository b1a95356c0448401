import { describe, expect, it } from 'vitest';
import { buildEnvelope, COMMAND_SPECS, decodeEnvelope, encodeEnvelope, TOPICS, topicOf } from './envelope';

const at = new Date('2030-01-02T03:04:05.678Z');
const ID = '0b6a4c5e-1f2a-4b3c-8d9e-0f1a2b3c4d5e';

describe('command envelope', () => {
  it('carries id, type, the catalogue priority and criticality, payload and sentAt', () => {
    const e = buildEnvelope('mute_all', {}, { id: ID, sentAt: at });
    expect(e).toEqual({ id: ID, type: 'mute_all', priority: 3, critical: true, payload: {}, sentAt: '2030-01-02T03:04:05.678Z' });
    expect(buildEnvelope('hand_lowered', { userId: 4 }, { id: ID, sentAt: at })).toMatchObject({ priority: 1, critical: false });
  });

  it('round-trips through the wire bytes', () => {
    const e = buildEnvelope('announcement_set', { announcement: { id: 'a', text: 'اقرؤوا الآية ٥', by: 'أحمد', at: at.toISOString() } }, { id: ID, sentAt: at });
    expect(decodeEnvelope(encodeEnvelope(e))).toEqual(e);
    expect(decodeEnvelope(JSON.stringify(e))).toEqual(e);
  });

  it('marks exactly the spec critical commands critical', () => {
    const critical = Object.entries(COMMAND_SPECS).filter(([, s]) => s.critical).map(([t]) => t).sort();
    expect(critical).toEqual(['meeting_ended', 'mute_all', 'remove_participant', 'stop_publishing']);
    for (const [, spec] of Object.entries(COMMAND_SPECS)) if (spec.critical) expect(spec.priority).toBe(3);
  });

  it('puts every command on one of the five spec topics, and uses all five', () => {
    const used = new Set(Object.keys(COMMAND_SPECS).map((t) => topicOf(t as keyof typeof COMMAND_SPECS)));
    expect([...used].sort()).toEqual([...TOPICS].sort());
  });

  it.each([
    ['not JSON', '{nope'],
    ['an array', '[]'],
    ['null', 'null'],
    ['an unknown type', JSON.stringify({ id: ID, type: 'format_disk', priority: 1, critical: false, payload: {}, sentAt: 'x' })],
    ['a prototype key as type', JSON.stringify({ id: ID, type: 'constructor', priority: 1, critical: false, payload: {}, sentAt: 'x' })],
    ['no id', JSON.stringify({ type: 'mute_all', priority: 3, critical: true, payload: {}, sentAt: 'x' })],
    ['a priority out of range', JSON.stringify({ id: ID, type: 'mute_all', priority: 9, critical: true, payload: {}, sentAt: 'x' })],
    ['a string critical', JSON.stringify({ id: ID, type: 'mute_all', priority: 3, critical: 'yes', payload: {}, sentAt: 'x' })],
    ['an array payload', JSON.stringify({ id: ID, type: 'mute_all', priority: 3, critical: true, payload: [], sentAt: 'x' })],
    ['a huge message', JSON.stringify({ id: ID, type: 'mute_all', priority: 3, critical: true, payload: { x: 'y'.repeat(20_000) }, sentAt: 'x' })],
  ])('refuses %s', (_what, raw) => {
    expect(decodeEnvelope(raw)).toBeNull();
  });
});
