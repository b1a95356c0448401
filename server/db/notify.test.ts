import { describe, expect, it } from 'vitest';
import { parseRoomSignal } from './notify';

describe('parseRoomSignal', () => {
  it('accepts our payloads', () => {
    expect(parseRoomSignal('{"sessionId":4,"kind":"attendance","id":"EV_1"}')).toEqual({ sessionId: 4, kind: 'attendance', id: 'EV_1' });
  });
  it.each(['', 'x', '{}', '{"sessionId":"4","kind":"command","id":"a"}', '{"sessionId":4,"kind":"other","id":"a"}', '{"sessionId":4,"kind":"state"}'])(
    'ignores %s',
    (raw) => expect(parseRoomSignal(raw)).toBeNull(),
  );
});
