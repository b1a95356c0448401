/**
 * Who may record and who may watch (docs/rules.md#recording, issue 7), pure.
 *
 * - Allowed: only where the academy allows recording; there a teacher's own
 *   setting may still keep their classes unrecorded. No teacher setting turns
 *   recording on in an academy that does not allow it.
 * - Started by itself: when allowed and the meeting's resolved options say
 *   "record" (academy "record by default" → teacher → the meeting request).
 * - Watching: managers of the session see every recording and its state;
 *   observers (colleagues, when the academy allows) see finished ones; students and parents see finished ones
 *   only when the academy shares recordings with students.
 */
import 'server-only';
import type { JoinRole } from '@/server/modules/sessions';

export interface RecordingSettings {
  academy: { recordingAllowed: boolean; studentsSeeRecordings: boolean };
  teacher: { recordingEnabled: boolean | null } | null;
}

export function recordingAllowed(settings: RecordingSettings): boolean {
  return settings.academy.recordingAllowed && settings.teacher?.recordingEnabled !== false;
}

export function recordsByItself(settings: RecordingSettings, meetingOptions: { recordingEnabled?: unknown }): boolean {
  return recordingAllowed(settings) && meetingOptions.recordingEnabled === true;
}

export type RecordingVisibility = 'all' | 'finished' | 'none';

export function recordingVisibility(input: { canManage: boolean; joinRole: JoinRole | null; studentsSeeRecordings: boolean }): RecordingVisibility {
  if (input.canManage) return 'all';
  switch (input.joinRole) {
    case 'teacher':
    case 'manager':
    case 'observer':
      return 'finished';
    case 'student':
    case 'parent':
      return input.studentsSeeRecordings ? 'finished' : 'none';
    default:
      return 'none';
  }
}
