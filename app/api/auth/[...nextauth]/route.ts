import NextAuth from 'next-auth';
import { getAuthOptions } from '@/server/auth/options';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// next-auth v4 reads params synchronously; Next 16 passes them as a promise.
const handler: Handler = async (req, ctx) => {
  const params = await ctx.params;
  return (NextAuth(getAuthOptions()) as unknown as (r: Request, c: { params: { nextauth: string[] } }) => Promise<Response>)(req, { params });
};

export { handler as GET, handler as POST };
