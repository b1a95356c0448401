/**
 * The open whiteboard's "save the final board" action, for the End-for-everyone
 * button: the image is exported in the teacher's browser (Excalidraw), so it
 * must be saved before the meeting ends. Tiny and free of Excalidraw, so the
 * room page's initial JavaScript does not carry the board.
 */
let saver: (() => Promise<void>) | null = null;

export function registerBoardSaver(save: () => Promise<void>): () => void {
  saver = save;
  return () => {
    if (saver === save) saver = null;
  };
}

/** Saves the board if one is open here; a failure does not stop the meeting from ending. */
export async function saveBoardBeforeEnd(): Promise<void> {
  await saver?.().catch(() => {});
}
