import { z } from 'zod';
import { LOCALE_COOKIE } from '@/server/auth/viewer';
import { getEnv } from '@/server/env';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { isCrossSiteRequest } from '@/server/trpc/same-origin';

const body = z.object({ locale: z.enum(['ar', 'en']) }).strict();
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Sets the language of this browser (the `halaqa-locale` cookie, which wins
 * over the user's stored choice and the academy default). Signed-out pages
 * use it too, so it needs no session; another site may not change it.
 */
export const POST = withBodyLimit(BODY_LIMITS.small, async (req: Request) => {
  if (isCrossSiteRequest(req.headers)) return Response.json({ error: 'Cross-site request refused' }, { status: 403 });
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Expected {"locale": "ar" | "en"}' }, { status: 400 });
  const secure = new URL(req.url).protocol === 'https:' || getEnv().appUrl.startsWith('https://') ? '; Secure' : '';
  return new Response(null, {
    status: 204,
    headers: {
      'set-cookie': `${LOCALE_COOKIE}=${parsed.data.locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`,
      'cache-control': 'no-store',
    },
  });
});
