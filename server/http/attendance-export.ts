/**
 * GET /api/attendance/export as a plain Request → Response function, so the
 * Next route (which only adds the signed-in actor) and integration tests run
 * the same code. ?sessionId=… exports a session; ?from=…&to=… (local dates,
 * optional teacherId, studentId, kind, and academyId for the super admin)
 * exports a range. 401 signed out, 400 bad parameters, 403/404 by the access
 * rules, then a streamed CSV attachment; its header line is in `locale`,
 * or the stable column keys with ?header=keys.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { correlationIdOf, INTERNAL_ERROR_MESSAGE } from '@/server/lib/correlation';
import { DomainError, httpStatusFor, retryAfterHeader } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';
import { exportAttendanceCsv, exportAttendanceInput } from '@/server/modules/attendance';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** `locale`: the exporter's language (their cookie or stored choice), for the CSV's header line. */
export async function handleAttendanceExport(req: Request, deps: Pick<Deps, 'db'>, actor: Actor | null, locale: 'ar' | 'en' = 'en'): Promise<Response> {
  if (!actor) return json(401, { error: 'Sign in first' });
  const params = new URL(req.url).searchParams;
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return json(400, { error: 'A parameter was given more than once' });
  const parsed = exportAttendanceInput.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    return json(400, { error: 'Bad parameters', issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) });
  }
  try {
    const { filename, stream } = await exportAttendanceCsv(deps, actor, parsed.data, { locale });
    return new Response(stream, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return json(httpStatusFor(error.code), { error: error.message }, retryAfterHeader(error));
    const reference = correlationIdOf(error as object);
    logger.error('attendance export failed', { correlationId: reference, error: String(error) });
    return json(500, { error: `${INTERNAL_ERROR_MESSAGE}: ${reference}`, reference });
  }
}
