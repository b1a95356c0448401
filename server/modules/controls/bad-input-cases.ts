/**
 * Bad inputs for the room.* procedures, for the router-wide bad-input test
 * (server/trpc/bad-inputs.int.test.ts): spread ROOM_BAD_INPUT_CASES into
 * BAD_INPUT_CASES in server/testing/bad-input-cases.ts. Valid ids that name
 * nothing are NOT_FOUND and write nothing (no command, no room state).
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
} from '@/server/testing/bad-input-cases';

const live = (f: BadInputFixture) => ({ sessionId: f.liveSessionId });

function sessionOnly(f: BadInputFixture): BadInputCase[] {
  return [...notAnObject(), ...unknownKeys(live(f)), ...badIds(live(f), 'sessionId')];
}

const WRONG_IDENTITIES = ['1_', '_abc', '0_abc', '1_ABC', '1_a b', '1_عربي', `1_${'a'.repeat(41)}`, "1_x'; DROP TABLE room_states;--"];

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

export const ROOM_BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
  'room.state': { as: 'teacher', cases: sessionOnly },
  'room.sweep': { as: 'teacher', cases: sessionOnly },
  'room.raiseHand': { as: 'student', cases: sessionOnly },
  'room.lowerAllHands': { as: 'teacher', cases: sessionOnly },
  'room.muteAll': { as: 'teacher', cases: sessionOnly },
  'room.allowMicrophones': { as: 'teacher', cases: sessionOnly },
  'room.clearAnnouncement': { as: 'teacher', cases: sessionOnly },
  'room.end': { as: 'teacher', cases: sessionOnly },
  'room.events': {
    as: 'student',
    cases: (f) => {
      const base = { ...live(f), lastEventId: '0:s1' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...[TEN_KB, '', 1, ['x'], { id: 'x' }].map((value) => ({ what: `lastEventId ${JSON.stringify(value).slice(0, 12)}`, input: { ...base, lastEventId: value } })),
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
        ...badString(base, 'commandId', ['not-a-uuid', '0b6a4c5e1f2a4b3c8d9e0f1a2b3c4d5e', '0b6a4c5e-1f2a-4b3c-8d9e-0f1a2b3c4d5eX']),
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
      const base = { ...live(f), text: 'Page 562' };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badString(base, 'text', ['   ', 'x'.repeat(501)])];
    },
  },
};
