/** Group kinds and schedule states: the lists both the server's checks and the UI's pickers use. */
export const GROUP_KINDS = ['circle', 'course', 'lesson'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Groups with members (a lesson has exactly one student, chosen with the lesson). */
export const MEMBER_GROUP_KINDS = ['circle', 'course'] as const;
export type MemberGroupKind = (typeof MEMBER_GROUP_KINDS)[number];

/** active: its future sessions exist; paused: none until resumed; ended: none ever again (schedules_state). */
export const SCHEDULE_STATES = ['active', 'paused', 'ended'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];
