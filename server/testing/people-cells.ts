/**
 * The authorization matrix's cells for people, accounts and academy
 * administration (issue 16), merged into CELL_SPECS
 * (server/testing/authorization-cells.ts). Inputs build what an allowed
 * call needs in the target academy: a person, an invited person, a link.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '@/server/db/schema';
import { hashPassword } from '@/server/lib/password';
import { issueAccountToken } from '@/server/modules/accounts';
import { createAcademy, createUser, DEFAULT_TEST_PASSWORD, linkParent } from '@/server/seed/factories';
import { callerFor } from './integration';
import type { Cell, CellSpec } from './authorization-cell-spec';

const any = (type: unknown) => expect.any(type);
const unique = () => randomUUID().slice(0, 8);
const inTarget = (c: Cell, extra: object = {}) => ({ academyId: c.academyId, ...extra });

async function personIn(c: Cell, values: { role?: 'student' | 'parent'; active?: boolean; invited?: boolean } = {}) {
  const person = await createUser(c.fixture.db, { academyId: c.academyId, role: values.role ?? 'student' });
  if (values.active === false || values.invited) {
    await c.fixture.db
      .update(users)
      .set({ active: values.active ?? true, passwordSetAt: values.invited ? null : person.passwordSetAt })
      .where(eq(users.id, person.id));
  }
  return person;
}

async function freshLink(c: Cell, purpose: 'invitation' | 'password_reset') {
  const person = await personIn(c, { invited: purpose === 'invitation' });
  const { token } = await issueAccountToken(c.fixture.db, { userId: person.id, academyId: c.academyId, purpose, createdBy: null, now: new Date() });
  return token;
}

const NEW_PASSWORD = 'a long new password';

export const PEOPLE_CELL_SPECS: Record<string, CellSpec> = {
  'people.list': {
    scope: 'academy',
    rule: 'manager',
    input: (c) => inTarget(c, { search: '' }),
    shape: (d) => expect(d).toMatchObject({ rows: any(Array), total: any(Number), page: 1 }),
  },
  'people.create': {
    scope: 'academy',
    rule: 'admin',
    input: (c) => inTarget(c, { name: 'طالب جديد', email: `new-${unique()}@example.test`, role: 'student' }),
    shape: (d) => expect(d).toMatchObject({ person: { id: any(Number), role: 'student', invited: true }, invitation: { link: expect.stringMatching(/\/invite\/[\w-]{43}$/) } }),
  },
  'people.update': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => inTarget(c, { userId: (await personIn(c)).id, name: 'اسم جديد' }),
    shape: (d) => expect(d).toMatchObject({ id: any(Number), name: 'اسم جديد' }),
  },
  'people.setActive': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => inTarget(c, { userId: (await personIn(c)).id, active: false }),
    shape: (d) => expect(d).toMatchObject({ person: { active: false }, removedFromRooms: [] }),
  },
  'people.anonymise': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => inTarget(c, { userId: (await personIn(c, { active: false })).id }),
    shape: (d) => expect(d).toMatchObject({ anonymised: true, email: expect.stringMatching(/@invalid$/) }),
  },
  'people.linkParent': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => inTarget(c, { parentId: (await personIn(c, { role: 'parent' })).id, childId: (await personIn(c)).id }),
    shape: (d) => expect(d).toEqual({ linked: true }),
  },
  'people.unlinkParent': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => {
      const parent = await personIn(c, { role: 'parent' });
      const child = await personIn(c);
      await linkParent(c.fixture.db, c.academyId, parent.id, child.id);
      return inTarget(c, { parentId: parent.id, childId: child.id });
    },
    shape: (d) => expect(d).toEqual({ unlinked: true }),
  },
  'people.resendInvitation': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => inTarget(c, { userId: (await personIn(c, { invited: true })).id }),
    shape: (d) => expect(d).toMatchObject({ link: expect.stringMatching(/\/invite\//), expiresAt: any(Date), emailed: any(Boolean) }),
  },
  'people.revokeInvitation': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => {
      const person = await personIn(c, { invited: true });
      await issueAccountToken(c.fixture.db, { userId: person.id, academyId: c.academyId, purpose: 'invitation', createdBy: null, now: new Date() });
      return inTarget(c, { userId: person.id });
    },
    shape: (d) => expect(d).toEqual({ revoked: 1 }),
  },
  'people.importPreview': {
    scope: 'academy',
    rule: 'admin',
    input: (c) => inTarget(c, { csv: `name,email,role\nمستورد,imported-${unique()}@example.test,student\n` }),
    shape: (d) => expect(d).toMatchObject({ importId: any(String), counts: { create: 1, refused: 0 } }),
  },
  'people.importApply': {
    scope: 'academy',
    rule: 'admin',
    input: async (c) => {
      // Previewed by the super admin in the target academy, so every cell has a real import to aim at.
      const preview = await callerFor(c.deps, c.fixture.actors.super_admin).people.importPreview({
        academyId: c.academyId,
        csv: `name,email,role\nمستورد,imported-${unique()}@example.test,student\n`,
      });
      return inTarget(c, { importId: preview.importId });
    },
    shape: (d) => expect(d).toMatchObject({ done: true, created: 1, total: 1 }),
  },

  'academies.create': {
    scope: 'self',
    rule: 'superAdmin',
    input: () => ({ slug: `new-${unique()}`, nameAr: 'أكاديمية جديدة', nameEn: 'New academy', timezone: 'Africa/Cairo', defaultLocale: 'ar' }),
    shape: (d) => expect(d).toMatchObject({ id: any(Number), timezone: 'Africa/Cairo', active: true }),
  },
  'academies.update': {
    scope: 'self',
    rule: 'superAdmin',
    input: async (c) => ({ academyId: (await createAcademy(c.fixture.db)).id, nameEn: 'Renamed', timezone: 'Europe/London' }),
    shape: (d) => expect(d).toMatchObject({ nameEn: 'Renamed', timezone: 'Europe/London' }),
  },
  'academies.setActive': {
    scope: 'self',
    rule: 'superAdmin',
    input: async (c) => ({ academyId: (await createAcademy(c.fixture.db)).id, active: false }),
    shape: (d) => expect(d).toMatchObject({ active: false }),
  },
  'academies.inviteAdmin': {
    scope: 'self',
    rule: 'superAdmin',
    input: (c) => ({ academyId: c.fixture.homeAcademyId, name: 'مدير', email: `admin-${unique()}@example.test` }),
    shape: (d) => expect(d).toMatchObject({ person: { role: 'academy_admin', invited: true }, invitation: { link: expect.stringMatching(/\/invite\//) } }),
  },

  'account.link': {
    scope: 'self',
    rule: 'public',
    input: async (c) => ({ token: await freshLink(c, 'invitation') }),
    shape: (d) => expect(d).toMatchObject({ state: 'valid', purpose: 'invitation', name: any(String) }),
  },
  'account.acceptInvitation': {
    scope: 'self',
    rule: 'public',
    input: async (c) => ({ token: await freshLink(c, 'invitation'), password: NEW_PASSWORD }),
    shape: (d) => expect(d).toMatchObject({ email: any(String) }),
  },
  'account.resetPassword': {
    scope: 'self',
    rule: 'public',
    input: async (c) => ({ token: await freshLink(c, 'password_reset'), password: NEW_PASSWORD }),
    shape: (d) => expect(d).toMatchObject({ email: any(String) }),
  },
  'account.requestPasswordReset': {
    scope: 'self',
    rule: 'public',
    input: async (c) => ({ email: (await personIn(c)).email }),
    shape: (d) => expect(d).toEqual({ accepted: true }),
  },
  'account.changePassword': {
    scope: 'self',
    rule: 'anyone',
    // The actor's password is the test default first, whatever an earlier run of this cell made it.
    input: async (c) => {
      if (c.actor) await c.fixture.db.update(users).set({ passwordHash: await hashPassword(DEFAULT_TEST_PASSWORD) }).where(eq(users.id, c.actor.id));
      return { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: NEW_PASSWORD };
    },
    shape: (d) => expect(d).toEqual({ signedOut: true }),
  },
};
