/**
 * GET /api/recitations/export?from=…&to=… (academyId for the super admin):
 * the recitation log as its own CSV file, beside the attendance export.
 * 401 signed out, 400 bad parameters, 403/404 by the access rules.
 */
import 'server-only';
import { z } from 'zod';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { correlationIdOf, INTERNAL_ERROR_MESSAGE } from '@/server/lib/correlation';
import { DomainError, httpStatusFor } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';
import { checkReportRange, reportDate } from '@/server/modules/academies';
import { exportRecitationsCsv } from '@/server/modules/recitations';

const exportInput = z
  .object({ from: reportDate, to: reportDate, academyId: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).pipe(z.number().max(2_147_483_647)).optional() })
  .strict()
  .superRefine(checkReportRange);

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export async function handleRecitationsExport(req: Request, deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<Response> {
  if (!actor) return json(401, { error: 'Sign in first' });
  const params = new URL(req.url).searchParams;
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return json(400, { error: 'A parameter was given more than once' });
  const parsed = exportInput.safeParse(Object.fromEntries(params));
  if (!parsed.success) return json(400, { error: 'Bad parameters', issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) });
  try {
    const { filename, text } = await exportRecitationsCsv(deps, actor, parsed.data);
    return new Response(text, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return json(httpStatusFor(error.code), { error: error.message });
    const reference = correlationIdOf(error as object);
    logger.error('recitations export failed', { correlationId: reference, error: String(error) });
    return json(500, { error: `${INTERNAL_ERROR_MESSAGE}: ${reference}`, reference });
  }
}
