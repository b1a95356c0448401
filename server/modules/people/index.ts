/**
 * People of an academy (docs/rules.md#people): the admin's list, adding
 * people with invitations, editing, deactivating and anonymising (never
 * deleting: attendance keeps pointing at them), parent links, and roster
 * imports (import/: parse → plan → preview stored → applied in batches).
 * Every use case takes the academy resolved by the procedure ladder and
 * treats another academy's person as NOT_FOUND.
 */
import 'server-only';
export { listPeople, type PersonRow } from './list-people';
export { createPerson, NO_PASSWORD } from './create-person';
export { updatePerson } from './update-person';
export { setPersonActive } from './set-person-active';
export { anonymisePerson } from './anonymise-person';
export { linkParent, unlinkParent } from './parent-links';
export { resendInvitation, revokeInvitation } from './invitations';
export { inviteAcademyAdmin } from './invite-academy-admin';
export { type Invitation } from './send-invitation';
export { type PersonView } from './person-access';
export { previewImport, type ImportPreview } from './import/preview-import';
export { applyImportBatch, getImportProgress, IMPORT_BATCH_ROWS, type ImportProgress } from './import/apply-import';
export { type PlannedRow, type RefusalReason } from './import/plan-import';
export * from './schemas';
