import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { locale, userRole } from './enums';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** null only for super admins, who belong to the platform. */
    academyId: integer('academy_id').references(() => academies.id, { onDelete: 'cascade' }),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    locale: locale('locale'),
    timezone: text('timezone'),
    /** A deactivated user is refused on their next request and kept out of rooms. */
    active: boolean('active').notNull().default(true),
    /**
     * Signed into every session token; a trigger bumps it when the role,
     * academy or active flag changes, so older tokens stop working.
     */
    sessionVersion: integer('session_version').notNull().default(0),
    /** null until the person sets their own password (an invited person who has not accepted yet). */
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    /** Set when their name and email were replaced at the academy's request; the row stays for the history. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_academy_role_idx').on(t.academyId, t.role),
    // The target of every tenant table's composite foreign key: a row may name only its own academy's users.
    unique('users_academy_id_id_uq').on(t.academyId, t.id),
    check('users_platform_role', sql`(${t.role} = 'super_admin') = (${t.academyId} IS NULL)`),
    // Sign-in lower-cases what is typed; an upper-case stored address could never sign in.
    check('users_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
);

export const parentChildren = pgTable(
  'parent_children',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').notNull(),
    childId: integer('child_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.parentId, t.childId] }),
    index('parent_children_child_idx').on(t.childId),
    foreignKey({ name: 'parent_children_parent_fk', columns: [t.academyId, t.parentId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
    foreignKey({ name: 'parent_children_child_fk', columns: [t.academyId, t.childId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
    check('parent_children_not_self', sql`${t.parentId} <> ${t.childId}`),
  ],
);

export const teacherSettings = pgTable(
  'teacher_settings',
  {
  userId: integer('user_id').primaryKey(),
  academyId: integer('academy_id')
    .notNull()
    .references(() => academies.id, { onDelete: 'cascade' }),
  maxParticipants: integer('max_participants'),
  recordingEnabled: boolean('recording_enabled'),
  videoQuality: text('video_quality'),
  audioQuality: text('audio_quality'),
  screenShare: boolean('screen_share'),
  chat: boolean('chat'),
  muteOnJoin: boolean('mute_on_join'),
  /** Students may publish unless the teacher turns it off. */
  studentsCanPublish: boolean('students_can_publish'),
  },
  (t) => [
    foreignKey({ name: 'teacher_settings_user_fk', columns: [t.academyId, t.userId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
    check('teacher_settings_max_participants', sql`${t.maxParticipants} BETWEEN 1 AND 500`),
    // scheduling/schemas.ts: the quality enum (schema-lists.test.ts keeps them equal).
    check('teacher_settings_video_quality', sql`${t.videoQuality} IN ('low', 'medium', 'high')`),
    check('teacher_settings_audio_quality', sql`${t.audioQuality} IN ('low', 'medium', 'high')`),
  ],
);
