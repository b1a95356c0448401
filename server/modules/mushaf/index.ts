/**
 * The Quran text the shared Mushaf shows (docs/rules.md#teaching-tools), shipped with the
 * app from the quran-json package. Who drives the Mushaf in a room is the
 * controls module's (setMushaf, closeMushaf); the text itself is public
 * scripture, readable by anyone signed in.
 */
import 'server-only';
export { getSurahText, type SurahText } from './quran-text';
export * from './schemas';
