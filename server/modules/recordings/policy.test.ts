import { describe, expect, it } from 'vitest';
import type { JoinRole } from '@/server/modules/sessions';
import { recordingAllowed, recordingVisibility, recordsByItself } from './policy';

const academy = (recordingAllowed: boolean) => ({ recordingAllowed, studentsSeeRecordings: false });

describe('recordingAllowed', () => {
  it('needs the academy’s permission; the teacher’s own setting can only turn it off', () => {
    expect(recordingAllowed({ academy: academy(true), teacher: null })).toBe(true);
    expect(recordingAllowed({ academy: academy(false), teacher: null })).toBe(false);
    expect(recordingAllowed({ academy: academy(true), teacher: { recordingEnabled: null } })).toBe(true);
    expect(recordingAllowed({ academy: academy(true), teacher: { recordingEnabled: false } })).toBe(false);
    expect(recordingAllowed({ academy: academy(false), teacher: { recordingEnabled: true } })).toBe(false);
    expect(recordingAllowed({ academy: academy(true), teacher: { recordingEnabled: true } })).toBe(true);
  });
});

describe('recordsByItself', () => {
  it('needs both permission and the meeting’s resolved “record” option', () => {
    expect(recordsByItself({ academy: academy(true), teacher: null }, { recordingEnabled: true })).toBe(true);
    expect(recordsByItself({ academy: academy(true), teacher: null }, { recordingEnabled: false })).toBe(false);
    expect(recordsByItself({ academy: academy(false), teacher: null }, { recordingEnabled: true })).toBe(false);
    expect(recordsByItself({ academy: academy(true), teacher: { recordingEnabled: false } }, { recordingEnabled: true })).toBe(false);
    expect(recordsByItself({ academy: academy(true), teacher: null }, {})).toBe(false);
  });
});

describe('recordingVisibility', () => {
  const roles: (JoinRole | null)[] = ['teacher', 'manager', 'observer', 'student', 'parent', null];
  it('managers see all; observers finished ones; students and parents only when the academy shares', () => {
    const table = roles.map((joinRole) => [
      joinRole,
      recordingVisibility({ canManage: false, joinRole, studentsSeeRecordings: false }),
      recordingVisibility({ canManage: false, joinRole, studentsSeeRecordings: true }),
    ]);
    expect(table).toEqual([
      ['teacher', 'finished', 'finished'],
      ['manager', 'finished', 'finished'],
      ['observer', 'finished', 'finished'],
      ['student', 'none', 'finished'],
      ['parent', 'none', 'finished'],
      [null, 'none', 'none'],
    ]);
    for (const joinRole of roles) expect(recordingVisibility({ canManage: true, joinRole, studentsSeeRecordings: false })).toBe('all');
  });
});
