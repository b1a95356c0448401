import { describe, expect, it } from 'vitest';
import { buildEnvelope, type CommandPayloads, type CommandType } from './envelope';
import { applyCommand, EMPTY_ROOM_STATE, isMicLocked, type RoomStateView } from './room-state';

let n = 0;
const cmd = <T extends CommandType>(type: T, payload: CommandPayloads[T]) =>
  buildEnvelope(type, payload, { id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, sentAt: new Date('2030-01-01T00:00:00Z') });
const hand = (userId: number) => ({ userId, identity: `${userId}_s`, name: `S${userId}`, raisedAt: '2030-01-01T00:00:00.000Z' });
const apply = (...commands: ReturnType<typeof cmd>[]) => commands.reduce<RoomStateView>(applyCommand, EMPTY_ROOM_STATE);

describe('applyCommand', () => {
  it('after mute all lets one speaker talk, replaces them with the next, and takes it back', () => {
    const all = apply(cmd('mute_all', {}));
    const a = applyCommand(all, cmd('speaker_allowed', { identity: '7_a' }));
    expect(isMicLocked(a, '7_a')).toBe(false);
    expect(isMicLocked(a, '8_b')).toBe(true);
    const b = applyCommand(a, cmd('speaker_allowed', { identity: '8_b' }));
    expect([isMicLocked(b, '7_a'), isMicLocked(b, '8_b')]).toEqual([true, false]);
    expect(isMicLocked(applyCommand(b, cmd('speaker_revoked', {})), '8_b')).toBe(true);
    // A fresh mute all silences the speaker too.
    expect(isMicLocked(applyCommand(b, cmd('mute_all', {})), '8_b')).toBe(true);
    expect(applyCommand(b, cmd('speaker_allowed', { identity: '' }))).toBe(b);
  });

  it('queues hands oldest first, once per student, and lowers one or all', () => {
    const s = apply(cmd('hand_raised', { hand: hand(2) }), cmd('hand_raised', { hand: hand(1) }), cmd('hand_raised', { hand: hand(2) }));
    expect(s.raisedHands.map((h) => h.userId)).toEqual([2, 1]);
    expect(applyCommand(s, cmd('hand_lowered', { userId: 2 })).raisedHands.map((h) => h.userId)).toEqual([1]);
    expect(applyCommand(s, cmd('hands_lowered_all', {})).raisedHands).toEqual([]);
  });

  it('locks microphones for all, one by one, and lifts both', () => {
    const one = apply(cmd('mute_participant', { identity: '7_a' }));
    expect(isMicLocked(one, '7_a')).toBe(true);
    expect(isMicLocked(one, '8_b')).toBe(false);
    const all = applyCommand(one, cmd('mute_all', {}));
    expect(isMicLocked(all, '8_b')).toBe(true);
    const allowedOne = applyCommand(one, cmd('allow_microphone', { identity: '7_a' }));
    expect(isMicLocked(allowedOne, '7_a')).toBe(false);
    const lifted = applyCommand(all, cmd('allow_microphones', {}));
    expect(lifted).toMatchObject({ micsLocked: false, mutedIdentities: [] });
  });

  it('stops and allows publishing', () => {
    const stopped = apply(cmd('stop_publishing', {}));
    expect(stopped.studentsCanPublish).toBe(false);
    expect(applyCommand(stopped, cmd('allow_publishing', {})).studentsCanPublish).toBe(true);
  });

  it('removes a participant (and their hand) and readmits them', () => {
    const s = apply(cmd('hand_raised', { hand: hand(5) }), cmd('remove_participant', { identity: '5_s', userId: 5, name: 'S5' }));
    expect(s.removed).toEqual([{ userId: 5, name: 'S5' }]);
    expect(s.raisedHands).toEqual([]);
    expect(applyCommand(s, cmd('readmit_participant', { userId: 5 })).removed).toEqual([]);
  });

  it('sets and clears the announcement; the meeting ending clears hands', () => {
    const announcement = { id: 'x', text: 'Page 562', by: 'T', at: '2030-01-01T00:00:00.000Z' };
    const s = apply(cmd('announcement_set', { announcement }), cmd('hand_raised', { hand: hand(1) }));
    expect(s.announcement).toEqual(announcement);
    expect(applyCommand(s, cmd('announcement_cleared', {})).announcement).toBeNull();
    expect(applyCommand(s, cmd('meeting_ended', {}))).toMatchObject({ ended: true, raisedHands: [], announcement });
  });

  it('leaves the state as it was for a payload that does not fit its type', () => {
    const bad = [
      cmd('hand_raised', { hand: { userId: 'x' } as never }),
      cmd('hand_lowered', { userId: -1 }),
      cmd('mute_participant', { identity: 42 as never }),
      cmd('remove_participant', { identity: '1_a', userId: 1.5, name: 'x' }),
      cmd('announcement_set', { announcement: { text: '' } as never }),
    ];
    for (const c of bad) expect(applyCommand(EMPTY_ROOM_STATE, c)).toBe(EMPTY_ROOM_STATE);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(EMPTY_ROOM_STATE);
    apply(cmd('hand_raised', { hand: hand(1) }), cmd('mute_all', {}), cmd('remove_participant', { identity: '1_s', userId: 1, name: 'S' }));
    expect(EMPTY_ROOM_STATE).toEqual(before);
  });
});
