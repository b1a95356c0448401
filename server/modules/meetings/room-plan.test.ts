import { describe, expect, it } from 'vitest';
import { planRecreatedRoom, planRoom, type RoomPlanInput } from './room-plan';

const now = new Date('2031-03-10T09:00:00Z');
const input: RoomPlanInput = {
  academySlug: 'itqan-academy',
  session: { id: 42, kind: 'interactive_course', scheduledAt: new Date('2031-03-10T10:00:00Z'), durationMinutes: 45 },
  academy: { defaultMaxParticipants: 30, recordingDefault: true, studentsTalkBeforeTeacher: false },
  teacher: null,
  createdBy: 7,
  appUrl: 'https://halaqa.example',
  now,
};

describe('planRoom', () => {
  it('names the room, sizes it and keeps it open until the end + 30 minutes', () => {
    const plan = planRoom(input);
    expect(plan.roomName).toBe('itqan-academy-interactive-course-session-42');
    // 60 minutes until the start, 45 of session, 30 of buffer.
    expect(plan.createRoom).toMatchObject({ name: plan.roomName, emptyTimeoutSeconds: 135 * 60, departureTimeoutSeconds: 135 * 60, maxParticipants: 30 });
    expect(JSON.parse(plan.createRoom.metadata)).toEqual({
      created_by: '7',
      session_id: 42,
      session_type: 'interactive_course',
      recording_enabled: true,
      created_at: now.toISOString(),
    });
    expect(plan.meeting).toMatchObject({ roomName: plan.roomName, joinUrl: 'https://halaqa.example/room/42' });
    // Expires at the start + duration + 60 minutes of overtime.
    expect(plan.meeting.expiresAt).toEqual(new Date('2031-03-10T11:45:00Z'));
  });

  it('layers defaults → academy → teacher → request, a silent layer changing nothing', () => {
    const plan = planRoom({
      ...input,
      teacher: { maxParticipants: 12, recordingEnabled: null, studentsCanPublish: false },
      request: { maxParticipants: 8, chat: undefined },
    });
    expect(plan.options).toMatchObject({ maxParticipants: 8, recordingEnabled: true, studentsCanPublish: false, chat: true });
    expect(plan.createRoom.maxParticipants).toBe(8);
    expect(plan.meeting.options).toEqual(plan.options);
  });

  it('says the scheduler made a room nobody asked for', () => {
    expect(JSON.parse(planRoom({ ...input, createdBy: null }).createRoom.metadata).created_by).toBe('halaqa_scheduler');
  });
});

describe('planRecreatedRoom', () => {
  it('keeps the name and size, with a fresh timeout and the default size when none was stored', () => {
    const later = new Date('2031-03-10T12:00:00Z');
    const spec = planRecreatedRoom({ roomName: 'r-session-42', options: {}, session: input.session, now: later });
    expect(spec).toMatchObject({ name: 'r-session-42', emptyTimeoutSeconds: 30 * 60, departureTimeoutSeconds: 30 * 60, maxParticipants: 50 });
    expect(JSON.parse(spec.metadata)).toEqual({ session_id: 42, session_type: 'interactive_course', recreated_at: later.toISOString() });
    expect(planRecreatedRoom({ roomName: 'r', options: { maxParticipants: 9 }, session: input.session, now: later }).maxParticipants).toBe(9);
  });
});
