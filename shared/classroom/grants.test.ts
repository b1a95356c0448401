import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantsFor, OPEN_CONTROLS, studentPermission, type GrantsInput, type JoinRole } from './grants';

const base: GrantsInput = { joinRole: 'student', canManage: false, hidden: false, meetingAllowsPublish: true };
const noMic = ['camera', 'screen_share', 'screen_share_audio'];

describe('grantsFor', () => {
  it('gives the session’s teacher and managers everything, room admin only to those who manage the session', () => {
    for (const joinRole of ['teacher', 'manager'] as const) {
      expect(grantsFor({ ...base, joinRole, canManage: true })).toEqual({ canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: true, hidden: false });
      expect(grantsFor({ ...base, joinRole, canManage: false }).roomAdmin).toBe(false);
    }
  });

  it('lets an observing colleague watch hidden, never publish or manage', () => {
    for (const canManage of [false, true]) {
      expect(grantsFor({ ...base, joinRole: 'observer', canManage })).toEqual({ canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: false, hidden: true });
    }
  });

  it('lets parents watch only', () => {
    expect(grantsFor({ ...base, joinRole: 'parent' })).toEqual({ canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: false, hidden: false });
  });

  it("follows the meeting's option and the room's controls for students", () => {
    expect(grantsFor(base)).toEqual({ canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: false, hidden: false });
    expect(grantsFor({ ...base, meetingAllowsPublish: false }).canPublish).toBe(false);
    const stopped = { state: { ...OPEN_CONTROLS, studentsCanPublish: false }, identity: '5_a' };
    expect(grantsFor({ ...base, controls: stopped }).canPublish).toBe(false);
    const muted = { state: { ...OPEN_CONTROLS, mutedIdentities: ['5_a'] }, identity: '5_a' };
    expect(grantsFor({ ...base, controls: muted }).canPublishSources).toEqual(noMic);
    expect(grantsFor({ ...base, controls: { ...muted, identity: '6_b' } }).canPublishSources).toBeUndefined();
    expect(grantsFor({ ...base, controls: { state: { ...OPEN_CONTROLS, micsLocked: true }, identity: '6_b' } }).canPublishSources).toEqual(noMic);
  });

  it('never lets a hidden observer publish or be seen, whatever the role', () => {
    fc.assert(
      fc.property(fc.constantFrom<JoinRole>('teacher', 'manager', 'observer', 'student', 'parent'), fc.boolean(), fc.boolean(), (joinRole, canManage, allows) => {
        const g = grantsFor({ joinRole, canManage, hidden: true, meetingAllowsPublish: allows });
        expect(g).toMatchObject({ canPublish: false, canPublishData: false, hidden: true, roomAdmin: canManage });
      }),
    );
  });

  it('is the rule studentPermission pushes to connected students', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (allows, open, locked, mutedMe) => {
        const state = { studentsCanPublish: open, micsLocked: locked, mutedIdentities: mutedMe ? ['1_me'] : [] };
        const g = grantsFor({ ...base, meetingAllowsPublish: allows, controls: { state, identity: '1_me' } });
        expect(studentPermission(state, '1_me', allows)).toEqual({
          canPublish: g.canPublish,
          canSubscribe: g.canSubscribe,
          canPublishData: g.canPublishData,
          canPublishSources: g.canPublishSources ?? [],
        });
      }),
    );
  });
});
