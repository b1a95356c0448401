/**
 * The recitation log (tasmee', docs/rules.md#recitation-log): one row per recitation —
 * what a student recited (surah and ayah from–to, memorisation or
 * revision), mistakes by kind, a grade on the academy's scale, a note.
 *
 * Invariants:
 * - Written by the session's teacher or a manager, for a student of that
 *   session; the range and mistake positions are within the surah metadata.
 * - Editable by the session's teacher for EDIT_WINDOW_DAYS, then by
 *   managers only; created_by/at and updated_by/at are kept.
 * - Read by the session's teacher and managers (all), a student (own), a
 *   parent (their children's only); another academy's rows are NOT_FOUND.
 */
import 'server-only';
export { EDIT_WINDOW_DAYS, mayEdit, recordRecitation, updateRecitation } from './record-recitation';
export { getStudentProgress, listSessionRecitations } from './read-recitations';
export { getAcademyRecitations } from './academy-recitations';
export { exportRecitationsCsv, RECITATION_CSV_HEADER } from './export-csv';
export { setGradeScale } from './grade-scale';
export * from './schemas';
