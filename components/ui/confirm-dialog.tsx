'use client';

import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useText } from '@/components/i18n/use-text';
import { Button, type ButtonVariant } from './button';

/**
 * Asks before an action that cannot simply be undone (Radix's alert dialog:
 * focus moves in and back, Escape cancels, the page behind is inert).
 * `trigger` is the button that opens it; `onConfirm` runs on the confirm button.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  variant = 'danger',
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description?: string;
  confirmLabel: string;
  variant?: ButtonVariant;
  onConfirm: () => void;
}) {
  const { t, dir } = useText();
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          dir={dir}
          data-testid="confirm-dialog"
          className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-card p-5 text-fg shadow-lg"
        >
          <AlertDialog.Title className="mb-2 text-lg font-semibold">{title}</AlertDialog.Title>
          {description ? (
            <AlertDialog.Description className="mb-4 text-muted">{description}</AlertDialog.Description>
          ) : (
            <AlertDialog.Description className="sr-only">{title}</AlertDialog.Description>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{t('cancel')}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant={variant} onClick={onConfirm} data-testid="confirm-dialog-confirm">
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
