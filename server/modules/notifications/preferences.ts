/**
 * Who wants what, pure (docs/rules.md#notifications). Defaults: everything
 * on, both channels, except that parents' class reminders and the admins'
 * daily digest are opt-in. A person's row keeps only their differences.
 */
import 'server-only';
import type { UserRole } from '@/server/db/schema/enums';
import { DEFAULT_ACADEMY_REMINDER_MINUTES, type Channel, type Topic } from './kinds';

export interface Preferences {
  reminderMinutes: number | null;
  choices: Record<string, boolean>;
}

export const NO_PREFERENCES: Preferences = { reminderMinutes: null, choices: {} };

export function defaultChoice(role: UserRole, topic: Topic): boolean {
  if (topic === 'reminder') return role !== 'parent';
  if (topic === 'digest') return false;
  return true;
}

export function wants(prefs: Preferences | null | undefined, role: UserRole, topic: Topic, channel: Channel): boolean {
  const chosen = prefs?.choices[`${topic}.${channel}`];
  return typeof chosen === 'boolean' ? chosen : defaultChoice(role, topic);
}

/** Minutes before class a reminder goes, or 0 for none. */
export function reminderLead(prefs: Preferences | null | undefined, academyMinutes: number | null | undefined): number {
  return prefs?.reminderMinutes ?? academyMinutes ?? DEFAULT_ACADEMY_REMINDER_MINUTES;
}

/** A reminder is due from `lead` minutes before the start until the start: a sweep after an outage still sends it, never after the class began. */
export function reminderDue(startsAt: Date, leadMinutes: number, now: Date): boolean {
  if (leadMinutes <= 0) return false;
  return now.getTime() >= startsAt.getTime() - leadMinutes * 60_000 && now.getTime() < startsAt.getTime();
}
