import 'server-only';
import { z } from 'zod';
import { idInput, MAX_INT4, sessionIdInput } from '@/server/lib/schemas';
import { MAX_ELEMENTS, MAX_IMAGE_CHARS, MAX_SCENE_CHARS } from '@/shared/classroom/whiteboard';

const drawers = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('teacher') }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('one'), userId: idInput }).strict(),
]);

/** Opens the board, or changes who may draw on an open one. */
export const setWhiteboardInput = sessionIdInput.extend({ drawers }).strict();
export type SetWhiteboardInput = z.infer<typeof setWhiteboardInput>;

/**
 * An Excalidraw element: the fields the merge needs are checked; the rest
 * of the element (shape, points, style) is Excalidraw's and kept as sent.
 */
const element = z.looseObject({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(32),
  version: z.number().int().min(1).max(MAX_INT4),
  versionNonce: z.number().int().min(-MAX_INT4 - 1).max(MAX_INT4),
  isDeleted: z.boolean(),
});

/** The elements that changed since the drawer's last update (the whole scene the first time). */
export const drawInput = sessionIdInput
  .extend({ elements: z.array(element).min(1).max(MAX_ELEMENTS) })
  .strict()
  .superRefine((v, ctx) => {
    if (JSON.stringify(v.elements).length > MAX_SCENE_CHARS) {
      ctx.addIssue({ code: 'custom', message: `The board is too large (over ${MAX_SCENE_CHARS / 1000} kB): clear some of it`, path: ['elements'] });
    }
  });
export type DrawInput = z.infer<typeof drawInput>;

/** The final board as an SVG document, exported by the teacher's browser. */
export const saveImageInput = sessionIdInput
  .extend({
    svg: z
      .string()
      .max(MAX_IMAGE_CHARS, `The board's image is too large (over ${MAX_IMAGE_CHARS / 1000} kB)`)
      .regex(/^\s*<svg[\s>][\s\S]*<\/svg>\s*$/, 'not an SVG image')
      // Shown in an <img> (where scripts never run); refused anyway so the stored image is plain drawing.
      .refine((svg) => !/<script|<[^>]*\son\w+\s*=|(?:href|src)\s*=\s*["']?\s*javascript:/i.test(svg), 'the image may not contain scripts'),
  })
  .strict();
export type SaveImageInput = z.infer<typeof saveImageInput>;
