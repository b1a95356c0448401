/**
 * The authorization matrix's cells for groups, schedule edits, reschedules,
 * the calendar and the profile's timezone (spread into CELL_SPECS by
 * ./authorization-cells.ts). Cells that would change a shared fixture row
 * (archive, members, schedules) build their own row first.
 */
import { expect } from 'vitest';
import { schedules } from '@/server/db/schema';
import { createCircle, createUser } from '@/server/seed/factories';
import type { Cell, CellSpec } from './authorization-cell-spec';

const any = (type: unknown) => expect.any(type);
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const side = (c: Cell) => (c.target === 'otherAcademy' ? 'otherAcademy' : 'ownAcademy');
const withAcademy = (c: Cell, extra: object = {}) => ({ academyId: c.academyId, ...extra });

/** A circle of the target academy that only this cell uses, with one member. */
async function ownCircle(c: Cell) {
  const student = await createUser(c.fixture.db, { academyId: c.academyId, role: 'student' });
  const circle = await createCircle(c.fixture.db, { academyId: c.academyId, teacherId: c.fixture.teacherOf[side(c)], studentIds: [student.id] });
  return { circle, student };
}

/** A weekly schedule of the target academy that only this cell uses. */
async function ownSchedule(c: Cell, state: 'active' | 'paused' = 'active') {
  const [schedule] = await c.fixture.db
    .insert(schedules)
    .values({
      academyId: c.academyId,
      kind: 'quran',
      title: 'W',
      teacherId: c.fixture.teacherOf[side(c)],
      circleId: c.fixture.circleOf[side(c)],
      weekdays: [2],
      localTime: '09:00',
      timezone: 'Asia/Riyadh',
      durationMinutes: 30,
      startDate: future(40),
      count: 1,
      state,
    })
    .returning();
  return schedule!;
}

const scheduleChange = (d: unknown) => expect(d).toMatchObject({ schedule: { id: any(Number) }, removed: any(Number), created: any(Number) });

export const GROUP_CELL_SPECS: Record<string, CellSpec> = {
  // --- groups ---------------------------------------------------------------------
  'groups.list': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c),
    shape: (d, c) => {
      expect(Array.isArray(d)).toBe(true);
      const ids = (d as { kind: string; id: number }[]).filter((g) => g.kind === 'circle').map((g) => g.id);
      expect(ids).toContain(c.fixture.circleOf[side(c)]);
      expect(ids).not.toContain(c.fixture.circleOf[side(c) === 'ownAcademy' ? 'otherAcademy' : 'ownAcademy']);
    },
  },
  'groups.get': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => withAcademy(c, { kind: 'circle', groupId: c.fixture.circleOf[side(c)] }),
    shape: (d, c) => expect(d).toMatchObject({ kind: 'circle', id: c.fixture.circleOf[side(c)], students: any(Array) }),
  },
  'groups.create': {
    scope: 'academy',
    rule: 'admin',
    input: (c) => withAcademy(c, { kind: 'circle', name: 'حلقة الفجر', teacherId: c.fixture.teacherOf[side(c)] }),
    shape: (d) => expect(d).toMatchObject({ kind: 'circle', id: any(Number) }),
  },
  'groups.update': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => withAcademy(c, { kind: 'circle', groupId: (await ownCircle(c)).circle.id, name: 'اسم جديد' }),
    shape: (d) => expect(d).toMatchObject({ kind: 'circle', id: any(Number) }),
  },
  'groups.setArchived': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => withAcademy(c, { kind: 'circle', groupId: (await ownCircle(c)).circle.id, archived: true }),
    shape: (d) => expect(d).toMatchObject({ kind: 'circle', archived: true }),
  },
  'groups.addMember': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => {
      const { circle } = await ownCircle(c);
      const newcomer = await createUser(c.fixture.db, { academyId: c.academyId, role: 'student' });
      return withAcademy(c, { kind: 'circle', groupId: circle.id, studentId: newcomer.id });
    },
    shape: (d) => expect(d).toEqual({ added: true }),
  },
  'groups.removeMember': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => {
      const { circle, student } = await ownCircle(c);
      return withAcademy(c, { kind: 'circle', groupId: circle.id, studentId: student.id });
    },
    shape: (d) => expect(d).toEqual({ removed: true }),
  },

  // --- sessions and schedules -----------------------------------------------------------
  'scheduling.rescheduleSession': {
    scope: 'session',
    rule: 'manager',
    meeting: false,
    input: (c) => ({ sessionId: c.sessionId, localDate: future(30), localTime: '10:00' }),
    shape: (d, c) => expect(d).toMatchObject({ session: { id: c.sessionId, status: 'scheduled', local: { date: future(30), time: '10:00' } }, roomDeleted: false }),
  },
  'scheduling.getSchedule': {
    scope: 'academy',
    rule: 'manager',
    input: async (c) => withAcademy(c, { scheduleId: (await ownSchedule(c)).id }),
    shape: (d, c) => expect(d).toMatchObject({ id: any(Number), academyId: c.academyId, state: 'active' }),
  },
  'scheduling.updateSchedule': {
    scope: 'academy',
    rule: 'manager',
    input: async (c) => withAcademy(c, { scheduleId: (await ownSchedule(c)).id, localTime: '11:00' }),
    shape: (d) => {
      scheduleChange(d);
      expect(d).toMatchObject({ schedule: { localTime: '11:00' }, created: 1 });
    },
  },
  'scheduling.pauseSchedule': {
    scope: 'academy',
    rule: 'manager',
    input: async (c) => withAcademy(c, { scheduleId: (await ownSchedule(c)).id }),
    shape: (d) => {
      scheduleChange(d);
      expect(d).toMatchObject({ schedule: { state: 'paused' } });
    },
  },
  'scheduling.resumeSchedule': {
    scope: 'academy',
    rule: 'manager',
    input: async (c) => withAcademy(c, { scheduleId: (await ownSchedule(c, 'paused')).id }),
    shape: (d) => {
      scheduleChange(d);
      expect(d).toMatchObject({ schedule: { state: 'active' }, created: 1 });
    },
  },
  'scheduling.endSchedule': {
    scope: 'academy',
    rule: 'manager',
    input: async (c) => withAcademy(c, { scheduleId: (await ownSchedule(c)).id }),
    shape: (d) => {
      scheduleChange(d);
      expect(d).toMatchObject({ schedule: { state: 'ended' } });
    },
  },
  'session.calendar': {
    scope: 'academy',
    rule: 'staff',
    input: (c) => withAcademy(c, { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 6 * 86_400_000) }),
    shape: (d, c) => {
      expect(Array.isArray(d)).toBe(true);
      for (const row of d as { academyId: number; teacherName: string }[]) expect(row).toMatchObject({ academyId: c.academyId, teacherName: any(String) });
    },
  },

  // --- profile ------------------------------------------------------------------------------
  'profile.setTimezone': { scope: 'self', rule: 'anyone', input: () => ({ timezone: 'Europe/London' }), shape: (d) => expect(d).toEqual({ timezone: 'Europe/London' }) },
};
