/** Reading and writing a person's notification preferences; the unsubscribe link's effect. */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academyNotificationSettings, notificationPreferences, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { CHANNELS, DEFAULT_ACADEMY_REMINDER_MINUTES, TOPICS, type Channel, type Topic } from './kinds';
import { wants } from './preferences';
import { readUnsubscribeToken } from './unsubscribe-token';

export interface PreferencesView {
  reminderMinutes: number | null;
  academyReminderMinutes: number;
  topics: { topic: Topic; email: boolean; inApp: boolean }[];
}

function academyOf(actor: Actor): number {
  if (actor.academyId === null) throw new DomainError('FORBIDDEN', 'Notification settings belong to an academy’s people');
  return actor.academyId;
}

export async function getPreferences(db: DbExecutor, actor: Actor): Promise<PreferencesView> {
  const academyId = academyOf(actor);
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.id));
  const [academy] = await db.select().from(academyNotificationSettings).where(eq(academyNotificationSettings.academyId, academyId));
  const prefs = row ? { reminderMinutes: row.reminderMinutes, choices: row.choices } : null;
  return {
    reminderMinutes: row?.reminderMinutes ?? null,
    academyReminderMinutes: academy?.reminderMinutes ?? DEFAULT_ACADEMY_REMINDER_MINUTES,
    topics: TOPICS.filter((t) => t !== 'digest' || actor.role === 'academy_admin').map((topic) => ({
      topic,
      email: wants(prefs, actor.role, topic, 'email'),
      inApp: wants(prefs, actor.role, topic, 'inApp'),
    })),
  };
}

export async function setPreferences(
  db: DbExecutor,
  actor: Actor,
  input: { reminderMinutes: number | null; topics: { topic: Topic; email: boolean; inApp: boolean }[] },
): Promise<PreferencesView> {
  const academyId = academyOf(actor);
  const choices: Record<string, boolean> = {};
  for (const t of input.topics) for (const channel of CHANNELS) choices[`${t.topic}.${channel}`] = t[channel];
  await db
    .insert(notificationPreferences)
    .values({ userId: actor.id, academyId, reminderMinutes: input.reminderMinutes, choices })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { reminderMinutes: input.reminderMinutes, choices: sql`${notificationPreferences.choices} || excluded.choices`, updatedAt: new Date() } });
  return getPreferences(db, actor);
}

/** Turns one topic's email off for the token's user; no sign-in needed. */
export async function unsubscribe(db: DbExecutor, secret: string | null, token: string): Promise<{ topic: Topic; email: string }> {
  const read = secret ? readUnsubscribeToken(secret, token) : null;
  if (!read) throw new DomainError('BAD_REQUEST', 'This unsubscribe link is not valid');
  const [user] = await db.select({ id: users.id, academyId: users.academyId, email: users.email, role: users.role }).from(users).where(eq(users.id, read.userId));
  if (!user || user.academyId === null) throw new DomainError('NOT_FOUND', 'This unsubscribe link is not valid');
  const off: Record<string, boolean> = { [`${read.topic}.${'email' satisfies Channel}`]: false };
  await db
    .insert(notificationPreferences)
    .values({ userId: user.id, academyId: user.academyId, choices: off })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { choices: sql`${notificationPreferences.choices} || ${JSON.stringify(off)}::jsonb`, updatedAt: new Date() } });
  return { topic: read.topic, email: user.email };
}

