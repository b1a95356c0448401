import { index, integer, pgTable, primaryKey, serial, text, timestamp, boolean } from 'drizzle-orm/pg-core';
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_academy_role_idx').on(t.academyId, t.role)],
);

export const parentChildren = pgTable(
  'parent_children',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    childId: integer('child_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.parentId, t.childId] }), index('parent_children_child_idx').on(t.childId)],
);

export const teacherSettings = pgTable('teacher_settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
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
});
