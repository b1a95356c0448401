/**
 * Bad inputs for the room.* procedures (the classroom controls), beside the
 * router-wide bad-input test that runs them (bad-inputs.int.test.ts, merged
 * with server/testing/bad-input-cases.ts there; a path may be in only one).
 * Valid ids and identities that name nothing are NOT_FOUND and write
 * nothing: no command, no room state.
 */
import {
  badBoolean,
  badIds,
  badString,
  notAnObject,
  TEN_KB,
  unknownKeys,
  type BadInputCase,
  type BadInputFixture,
  type ProcedureBadInputs,
} from '@/server/testing/bad-input-kit';

const live = (f: BadInputFixture) => ({ sessionId: f.liveSessionId });

function sessionOnly(f: BadInputFixture): BadInputCase[] {
  return [...notAnObject(), ...unknownKeys(live(f)), ...badIds(live(f), 'sessionId')];
}

/** Identities are `{userId}_{slug}`: anything else is refused before LiveKit is asked. */
const WRONG_IDENTITIES = [
  'abc',
  '0_user',
  '0_abc',
  '1_UPPER',
  '1_',
  '_user',
  '1_has space',
  '1_عربي',
  `1_${'a'.repeat(41)}`,
  '1_x\u0000',
  "1_x'; DROP TABLE room_states;--",
];

function identityCases(f: BadInputFixture): BadInputCase[] {
  const base = { ...live(f), identity: `${f.studentId}_someone` };
  return [
    ...notAnObject(),
    ...unknownKeys(base),
    ...badIds(base, 'sessionId'),
    ...badString(base, 'identity', WRONG_IDENTITIES),
    { what: 'identity of nobody in the room', input: { ...base, identity: `${2_000_000_000}_nobody` }, expect: 'NOT_FOUND' },
  ];
}

const WRONG_COMMAND_IDS = [
  'not-a-uuid',
  '0b6a4c5e1f2a4b3c8d9e0f1a2b3c4d5e',
  '0b6a4c5e-1f2a-4b3c-8d9e-0f1a2b3c4d5eX',
  '00000000-0000-4000-8000-00000000000',
  '{00000000-0000-4000-8000-000000000000}',
];

export const ROOM_BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
  'room.state': { as: 'teacher', cases: sessionOnly },
  'room.sweep': { as: 'teacher', cases: sessionOnly },
  'room.raiseHand': { as: 'student', cases: sessionOnly },
  'room.lowerAllHands': { as: 'teacher', cases: sessionOnly },
  'room.muteAll': { as: 'teacher', cases: sessionOnly },
  'room.allowMicrophones': { as: 'teacher', cases: sessionOnly },
  'room.clearAnnouncement': { as: 'teacher', cases: sessionOnly },
  'room.end': { as: 'teacher', cases: sessionOnly },
  'room.endAtMaximum': { as: 'student', cases: sessionOnly },
  'room.revokeSpeaker': { as: 'teacher', cases: sessionOnly },
  'room.allowSpeaker': { as: 'teacher', cases: identityCases },
  'room.extend': {
    as: 'teacher',
    cases: (f) => {
      const base = { ...live(f), minutes: 5 };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...[0, 1, 10, -5, 5.5, 60, '5', null, TEN_KB].map((value) => ({ what: `minutes ${JSON.stringify(value).slice(0, 12)}`, input: { ...base, minutes: value } })),
      ];
    },
  },
  'room.events': {
    as: 'student',
    cases: (f) => {
      const base = { ...live(f), lastEventId: '0:s1' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...[TEN_KB, 'x'.repeat(121), '', 1, ['x'], { id: 'x' }].map((value) => ({ what: `lastEventId ${JSON.stringify(value).slice(0, 12)}`, input: { ...base, lastEventId: value } })),
      ];
    },
  },
  'room.ack': {
    as: 'student',
    cases: (f) => {
      const base = { ...live(f), commandId: '0b6a4c5e-1f2a-4b3c-8d9e-0f1a2b3c4d5e' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'commandId', WRONG_COMMAND_IDS),
        { what: 'a command of no row', input: base, expect: 'NOT_FOUND' },
      ];
    },
  },
  'room.lowerHand': {
    as: 'teacher',
    cases: (f) => {
      const base = { ...live(f), userId: f.studentId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badIds(base, 'userId', { optional: true }), { what: 'a hand that is not raised', input: base, expect: 'NOT_FOUND' }];
    },
  },
  'room.readmitParticipant': {
    as: 'teacher',
    cases: (f) => {
      const base = { ...live(f), userId: f.studentId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badIds(base, 'userId'), { what: 'a user who was not removed', input: base, expect: 'NOT_FOUND' }];
    },
  },
  'room.muteParticipant': { as: 'teacher', cases: identityCases },
  'room.removeParticipant': { as: 'teacher', cases: identityCases },
  'room.allowMicrophone': { as: 'teacher', cases: identityCases },
  'room.setPublishing': {
    as: 'teacher',
    cases: (f) => {
      const base = { ...live(f), allowed: false };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badBoolean(base, 'allowed'), { what: 'allowed missing', input: live(f) }];
    },
  },
  'room.setAnnouncement': {
    as: 'teacher',
    cases: (f) => {
      const base = { ...live(f), text: 'راجعوا سورة الملك' };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badString(base, 'text', ['   ', 'x'.repeat(501)])];
    },
  },
};
