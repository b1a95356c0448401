import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';

/** The whiteboard's fonts, from the Excalidraw package (components/room/tools/excalidraw-assets.ts). */
const FONTS = path.join(process.cwd(), 'node_modules', '@excalidraw', 'excalidraw', 'dist', 'prod', 'fonts');
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const GET = withBodyLimit(BODY_LIMITS.small, async (_request: Request, { params }: { params: Promise<{ file: string[] }> }) => {
  const { file } = await params;
  if (file.length !== 2 || !file.every((s) => SEGMENT.test(s)) || !file[1]!.endsWith('.woff2')) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(path.join(FONTS, ...file));
    return new Response(body, { headers: { 'content-type': 'font/woff2', 'cache-control': 'public, max-age=31536000, immutable' } });
  } catch {
    return new Response('Not found', { status: 404 });
  }
});
