/**
 * Groups (docs/rules.md#groups): circles (a teacher and members), courses (a
 * teacher and enrolments) and individual lessons (one teacher, one student),
 * created, edited and archived by academy admins. Another academy's group is
 * NOT_FOUND; removing a member never touches attendance.
 */
import 'server-only';
export { listGroups, type GroupListItem } from './list-groups';
export { getGroup, type GroupDetail } from './get-group';
export { createGroup } from './create-group';
export { setGroupArchived, updateGroup } from './update-group';
export { addMember, removeMember } from './members';
export * from './schemas';
