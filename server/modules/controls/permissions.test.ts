import { describe, expect, it } from 'vitest';
import { participantKind, studentPermission, DEFAULT_MEETING_RULES, type ControlState } from '@/shared/classroom/grants';
import { permissionDiffers, tracksToMute } from './permissions';

const open: ControlState = { studentsCanPublish: true, micsLocked: false, mutedIdentities: [], speakerIdentity: null, teacherArrived: true };

describe('participantKind', () => {
  it('reads the role our tokens put in the metadata', () => {
    expect(participantKind(JSON.stringify({ name: 'x', role: 'student', user_id: 1 }))).toBe('student');
    expect(participantKind(JSON.stringify({ role: 'parent' }))).toBe('parent');
    for (const role of ['teacher', 'supervisor', 'academy_admin', 'super_admin']) expect(participantKind(JSON.stringify({ role }))).toBe('staff');
  });
  it('treats anything else as unknown (left alone by the controls)', () => {
    for (const m of ['', 'not json', 'null', '{"role":"egress"}', '[]']) expect(participantKind(m)).toBe('unknown');
  });
});

describe('studentPermission', () => {
  it('allows every source when nothing is locked', () => {
    expect(studentPermission(open, '1_a')).toEqual({ canPublish: true, canSubscribe: true, canPublishData: true, canPublishSources: [] });
  });
  it('leaves the microphone out for a single mute and for mute all', () => {
    const noMic = ['camera', 'screen_share', 'screen_share_audio'];
    expect(studentPermission({ ...open, mutedIdentities: ['1_a'] }, '1_a').canPublishSources).toEqual(noMic);
    expect(studentPermission({ ...open, mutedIdentities: ['1_a'] }, '2_b').canPublishSources).toEqual([]);
    expect(studentPermission({ ...open, micsLocked: true }, '2_b').canPublishSources).toEqual(noMic);
  });
  it('takes publishing away when the teacher stops it or the meeting never allowed it', () => {
    expect(studentPermission({ ...open, studentsCanPublish: false }, '1_a').canPublish).toBe(false);
    expect(studentPermission(open, '1_a', { ...DEFAULT_MEETING_RULES, studentsCanPublish: false }).canPublish).toBe(false);
    expect(studentPermission(open, '1_a').canPublishData).toBe(true);
  });
});

describe('permissionDiffers and tracksToMute', () => {
  const mic = { sid: 'TR_mic', source: 2, sourceName: 'microphone' as const, muted: false };
  const cam = { sid: 'TR_cam', source: 1, sourceName: 'camera' as const, muted: false };
  it('compares sources as sets', () => {
    const p = { canPublish: true, canPublishData: true, canPublishSources: ['screen_share', 'camera', 'screen_share_audio'] as never[] };
    expect(permissionDiffers(p, studentPermission({ ...open, micsLocked: true }, 'x'))).toBe(false);
    expect(permissionDiffers(p, studentPermission(open, 'x'))).toBe(true);
  });
  it('mutes the microphone under a mic lock and everything when publishing stops', () => {
    expect(tracksToMute({ trackSids: [mic, cam] }, studentPermission({ ...open, micsLocked: true }, 'x'))).toEqual(['TR_mic']);
    expect(tracksToMute({ trackSids: [mic, cam] }, studentPermission({ ...open, studentsCanPublish: false }, 'x'))).toEqual(['TR_mic', 'TR_cam']);
    expect(tracksToMute({ trackSids: [{ ...mic, muted: true }, cam] }, studentPermission({ ...open, micsLocked: true }, 'x'))).toEqual([]);
    expect(tracksToMute({ trackSids: [mic, cam] }, studentPermission(open, 'x'))).toEqual([]);
  });
});
