/**
 * The shared whiteboard (docs/rules.md#teaching-tools): open/close and who may draw
 * (the session's teacher or a manager), the scene every drawer's changes are
 * merged into, and the final board's image shown on the session page.
 * Commands go through the controls module (issueCommand).
 */
import 'server-only';
export { closeWhiteboard, drawOnWhiteboard, getWhiteboardImage, getWhiteboardScene, saveWhiteboardImage, setWhiteboard, type WhiteboardScene } from './whiteboard';
export * from './schemas';
