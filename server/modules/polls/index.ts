/**
 * Polls in the room (docs/rules.md#teaching-tools): asked, closed and shown by the
 * session's teacher or a manager; answered once (changeable while open) by
 * the session's students; stored with the session; counted in the
 * academy's statistics.
 */
import 'server-only';
export { academyPollStats, answerPoll, askPoll, closePoll, listSessionPolls, showPollResults } from './polls';
export * from './schemas';
