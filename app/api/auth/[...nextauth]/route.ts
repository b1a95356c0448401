import NextAuth from 'next-auth';
import { getAuthOptions } from '@/server/auth/options';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// next-auth v4 reads params synchronously; Next 16 passes them as a promise.
const handler = withBodyLimit(BODY_LIMITS.auth, (async (req, ctx) => {
  const params = await ctx.params;
  return (NextAuth(getAuthOptions()) as unknown as (r: Request, c: { params: { nextauth: string[] } }) => Promise<Response>)(req, { params });
}) as Handler);

export { handler as GET, handler as POST };
