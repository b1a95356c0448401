/**
 * Recording (docs/rules.md#recording): room-composite egress to S3-compatible storage, its
 * state kept from LiveKit's egress webhooks and our own calls' answers.
 */
import 'server-only';
export { startRecording, startRecordingByItself } from './start-recording';
export { stopRecording } from './stop-recording';
export * from './schemas';
export { isRecording } from './is-recording';
export { refreshUnfinishedRecordings, type RecordingRefresh } from './refresh-recordings';
export { listSessionRecordings, listAcademyRecordings, type RecordingView, type SessionRecordings } from './list-recordings';
export { saveEgressReport, type Recording } from './recording-store';
export { stateOf, mergeReport, type EgressReport, type RecordingState, type RecordingStatus } from './egress-state';
export { getRecordingLayoutContext, type RecordingLayoutContext } from './layout-context';
