import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_RULES, grantsFor, meetingRulesOf, OPEN_CONTROLS, studentPermission, type ControlState, type GrantsInput, type JoinRole } from './grants';

const base: GrantsInput = { joinRole: 'student', canManage: false, hidden: false, meeting: DEFAULT_MEETING_RULES };
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
    expect(grantsFor({ ...base, meeting: { ...DEFAULT_MEETING_RULES, studentsCanPublish: false } }).canPublish).toBe(false);
    const stopped = { state: { ...OPEN_CONTROLS, studentsCanPublish: false }, identity: '5_a' };
    expect(grantsFor({ ...base, controls: stopped }).canPublish).toBe(false);
    const muted = { state: { ...OPEN_CONTROLS, mutedIdentities: ['5_a'] }, identity: '5_a' };
    expect(grantsFor({ ...base, controls: muted }).canPublishSources).toEqual(noMic);
    expect(grantsFor({ ...base, controls: { ...muted, identity: '6_b' } }).canPublishSources).toBeUndefined();
    expect(grantsFor({ ...base, controls: { state: { ...OPEN_CONTROLS, micsLocked: true }, identity: '6_b' } }).canPublishSources).toEqual(noMic);
  });

  it('after mute all, gives the microphone back to the one allowed speaker only', () => {
    const state: ControlState = { ...OPEN_CONTROLS, micsLocked: true, speakerIdentity: '5_a' };
    expect(grantsFor({ ...base, controls: { state, identity: '5_a' } }).canPublishSources).toBeUndefined();
    expect(grantsFor({ ...base, controls: { state, identity: '6_b' } }).canPublishSources).toEqual(noMic);
    // A single mute of the speaker still holds.
    expect(grantsFor({ ...base, controls: { state: { ...state, mutedIdentities: ['5_a'] }, identity: '5_a' } }).canPublishSources).toEqual(noMic);
  });

  it('enforces the teacher’s settings: no screen share, no chat', () => {
    const g = grantsFor({ ...base, meeting: { ...DEFAULT_MEETING_RULES, screenShare: false, chat: false } });
    expect(g.canPublishSources).toEqual(['camera', 'microphone']);
    expect(g.canPublishData).toBe(false);
    const locked = { state: { ...OPEN_CONTROLS, micsLocked: true }, identity: '6_b' };
    expect(grantsFor({ ...base, meeting: { ...DEFAULT_MEETING_RULES, screenShare: false }, controls: locked }).canPublishSources).toEqual(['camera']);
  });

  it('keeps students from publishing before the teacher arrives, unless the academy lets them talk', () => {
    const waiting = { state: { ...OPEN_CONTROLS, teacherArrived: false }, identity: '5_a' };
    expect(grantsFor({ ...base, controls: waiting }).canPublish).toBe(false);
    expect(grantsFor({ ...base, meeting: { ...DEFAULT_MEETING_RULES, studentsTalkBeforeTeacher: true }, controls: waiting }).canPublish).toBe(true);
    expect(grantsFor({ ...base, controls: { ...waiting, state: { ...waiting.state, teacherArrived: true } } }).canPublish).toBe(true);
  });

  it('reads the rules from stored options, defaults for what is missing', () => {
    expect(meetingRulesOf({})).toEqual(DEFAULT_MEETING_RULES);
    expect(meetingRulesOf({ chat: false, screenShare: false, studentsTalkBeforeTeacher: true, studentsCanPublish: 'yes' })).toEqual({
      studentsCanPublish: true,
      chat: false,
      screenShare: false,
      studentsTalkBeforeTeacher: true,
    });
  });

  const rules = fc.record({ studentsCanPublish: fc.boolean(), screenShare: fc.boolean(), chat: fc.boolean(), studentsTalkBeforeTeacher: fc.boolean() });
  const controls = fc.record({
    studentsCanPublish: fc.boolean(),
    micsLocked: fc.boolean(),
    mutedIdentities: fc.subarray(['1_me', '2_other']),
    speakerIdentity: fc.constantFrom(null, '1_me', '2_other'),
    teacherArrived: fc.boolean(),
  });

  it('never lets a hidden observer publish or be seen, whatever the role', () => {
    fc.assert(
      fc.property(fc.constantFrom<JoinRole>('teacher', 'manager', 'observer', 'student', 'parent'), fc.boolean(), rules, (joinRole, canManage, meeting) => {
        const g = grantsFor({ joinRole, canManage, hidden: true, meeting });
        expect(g).toMatchObject({ canPublish: false, canPublishData: false, hidden: true, roomAdmin: canManage });
      }),
    );
  });

  it('never gives a student a microphone the room locked, or a screen share the settings forbid', () => {
    fc.assert(
      fc.property(rules, controls, (meeting, state) => {
        const g = grantsFor({ ...base, meeting, controls: { state, identity: '1_me' } });
        const sources = g.canPublishSources ?? ['camera', 'microphone', 'screen_share', 'screen_share_audio'];
        const locked = (state.micsLocked && state.speakerIdentity !== '1_me') || state.mutedIdentities.includes('1_me');
        if (locked) expect(sources).not.toContain('microphone');
        if (!meeting.screenShare) expect(sources).not.toContain('screen_share');
        if (!meeting.chat) expect(g.canPublishData).toBe(false);
        if (!state.teacherArrived && !meeting.studentsTalkBeforeTeacher) expect(g.canPublish).toBe(false);
      }),
    );
  });

  it('is the rule studentPermission pushes to connected students', () => {
    fc.assert(
      fc.property(rules, controls, (meeting, state) => {
        const g = grantsFor({ ...base, meeting, controls: { state, identity: '1_me' } });
        expect(studentPermission(state, '1_me', meeting)).toEqual({
          canPublish: g.canPublish,
          canSubscribe: g.canSubscribe,
          canPublishData: g.canPublishData,
          canPublishSources: g.canPublishSources ?? [],
        });
      }),
    );
  });
});
