import { getAppDeps } from '@/server/deps';
import { getEnv } from '@/server/env';
import { BODY_LIMITS, withBodyLimit } from '@/server/http/body-limit';
import { handleCronRequest } from '@/server/http/cron';

// A sweep over every academy can take a while; Vercel's default limit is shorter.
export const maxDuration = 300;

const handler = withBodyLimit(BODY_LIMITS.small, async (req: Request, { params }: { params: Promise<{ job: string }> }) => {
  const { job } = await params;
  return handleCronRequest(req, job, getAppDeps(), getEnv().cronSecret, getEnv().databaseUrl);
});

export { handler as GET, handler as POST };
