/**
 * Profile (docs/rules.md#who-may-do-what, docs/rules.md#dashboards): the signed-in user's own settings — language, with
 * the academy's default when unset — and, for a parent, their children's
 * sessions and attendance. Everything is about the actor; no input names
 * another user.
 */
import 'server-only';
export { getProfile, type Profile } from './get-profile';
export { setLocale } from './set-locale';
export { setTimezone } from './set-timezone';
export { listChildrenAttendance, type ChildAttendance, type ChildSession } from './list-children-attendance';
export * from './schemas';
