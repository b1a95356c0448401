'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useId, useState, type ChangeEvent } from 'react';
import { useAcademyScope, useAdminHref } from '@/components/dashboard/admin/admin-scope';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FormActions, Input } from '@/components/ui/field';
import { ErrorText, Muted, Notice } from '@/components/ui/notice';
import { Table } from '@/components/ui/table';
import type { AppRouter } from '@/server/trpc/root';

type Preview = inferRouterOutputs<AppRouter>['people']['importPreview'];
type Progress = inferRouterOutputs<AppRouter>['people']['importApply'];

const TONE: Record<string, BadgeTone> = { create: 'success', update: 'warning', unchanged: 'muted', refused: 'danger' };

/**
 * Upload → preview (every row: created, updated, unchanged or refused, and
 * why) → apply. Applying asks the server for one batch at a time and shows
 * how far it got, so the page stays usable and a reload loses nothing the
 * server has not already saved.
 */
export function ImportRoster() {
  const { t, formatNumber } = useText();
  const id = useId();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const href = useAdminHref();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [applying, setApplying] = useState(false);
  const previewMutation = useMutation(trpc.people.importPreview.mutationOptions({ onSuccess: setPreview }));
  const apply = useMutation(trpc.people.importApply.mutationOptions());

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPreview(null);
    setProgress(null);
    if (!file) return;
    // TextDecoder drops a UTF-8 BOM; the server accepts either.
    const csv = new TextDecoder('utf-8').decode(await file.arrayBuffer());
    previewMutation.mutate({ ...scope, csv });
  }

  async function applyAll() {
    if (!preview) return;
    setApplying(true);
    try {
      for (;;) {
        const step = await apply.mutateAsync({ ...scope, importId: preview.importId });
        setProgress(step);
        if (step.done) break;
      }
      await queryClient.invalidateQueries({ queryKey: trpc.people.list.pathKey() });
    } catch {
      // apply.error says what went wrong; applying again resumes where it stopped.
    } finally {
      setApplying(false);
    }
  }

  const counts = preview?.counts;
  const toApply = counts ? counts.create + counts.update + counts.unchanged : 0;
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sr-only">
        {t('people.importTitle')}
      </h2>
      <p>{t('people.importHelp')}</p>
      <pre dir="ltr" className="overflow-x-auto rounded-md bg-[#f3f5f4] p-2 text-sm">
        name,email,role,parent email,circle,course{'\n'}أحمد علي,ahmad@example.com,student,ali@example.com,حلقة الفجر,
        {'\n'}علي حسن,ali@example.com,parent,,,
      </pre>
      <Field label={t('people.importFile')} className="max-w-md">
        <Input type="file" accept=".csv,text/csv" onChange={onFile} data-testid="roster-file" disabled={applying} />
      </Field>
      {previewMutation.isPending && <Muted aria-live="polite">{t('people.importPreviewing')}</Muted>}
      {previewMutation.error && <ErrorText>{t('people.actionFailed', { message: previewMutation.error.message })}</ErrorText>}
      {preview && counts && (
        <>
          <p className="mt-3 font-medium" data-testid="import-counts">
            {t('people.importCounts', {
              create: formatNumber(counts.create),
              update: formatNumber(counts.update),
              unchanged: formatNumber(counts.unchanged),
              refused: formatNumber(counts.refused),
            })}
          </p>
          <FormActions className="mb-3">
            <Button onClick={applyAll} disabled={applying || toApply === 0 || progress?.done} data-testid="import-apply">
              {t('people.importApply')}
            </Button>
          </FormActions>
          {toApply === 0 && <Muted>{t('people.importNothing')}</Muted>}
          {progress && (
            <div aria-live="polite" className="mb-3" data-testid="import-progress">
              <progress className="w-full" max={progress.total} value={progress.applied} aria-label={t('people.importApplying', { applied: progress.applied, total: progress.total })} />
              {progress.done ? (
                <Notice role="status" data-testid="import-done">
                  <p>
                    {t('people.importDone', {
                      created: formatNumber(progress.created),
                      updated: formatNumber(progress.updated),
                      unchanged: formatNumber(progress.unchanged),
                      refused: formatNumber(progress.refused),
                    })}
                  </p>
                  {progress.created > 0 && <p>{t('people.importInvitations')}</p>}
                  <p>
                    <Link href={href('/admin/people')}>{t('people.title')}</Link>
                  </p>
                </Notice>
              ) : (
                <p>{t('people.importApplying', { applied: formatNumber(progress.applied), total: formatNumber(progress.total) })}</p>
              )}
            </div>
          )}
          {apply.error && <ErrorText>{t('people.actionFailed', { message: apply.error.message })}</ErrorText>}
          <Table data-testid="import-preview">
            <thead>
              <tr>
                <th scope="col">{t('people.line')}</th>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.email')}</th>
                <th scope="col">{t('people.role')}</th>
                <th scope="col">{t('people.outcome')}</th>
                <th scope="col">{t('people.why')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} data-action={r.action}>
                  <td>{formatNumber(r.line)}</td>
                  <td>{r.name}</td>
                  <td dir="ltr" className="text-start">
                    {r.email}
                  </td>
                  <td>{r.role ? t(`role.${r.role}` as TextKey) : ''}</td>
                  <td>
                    <Badge tone={TONE[r.action]}>{t(`people.action.${r.action}` as TextKey)}</Badge>
                  </td>
                  <td>{r.reasons.map((reason) => t(`people.reason.${reason}` as TextKey)).join('؛ ')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
