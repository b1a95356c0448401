'use client';

import { useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

export interface InvitationShown {
  name: string;
  email: string;
  link: string;
  expiresAt: Date;
  emailed: boolean;
}

/** A fresh invitation: whether it was emailed, and the link to copy in any case. */
export function InvitationLink({ invitation, onClose }: { invitation: InvitationShown; onClose: () => void }) {
  const { t, formatDateTime } = useText();
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(invitation.link).catch(() => undefined);
    setCopied(true);
  }
  return (
    <Notice data-testid="invitation-link" role="status">
      <p>
        <strong>{t('people.invitationReady', { name: invitation.name })}</strong>
      </p>
      <p>{invitation.emailed ? t('people.invitationEmailed', { email: invitation.email }) : t('people.invitationNotEmailed', { email: invitation.email })}</p>
      <p>{t('people.invitationValidUntil', { date: formatDateTime(invitation.expiresAt) })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Input readOnly value={invitation.link} dir="ltr" aria-label={t('people.copy')} className="min-w-0 flex-1" data-testid="invitation-url" onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={copy}>
          {copied ? t('people.copied') : t('people.copy')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('people.done')}
        </Button>
      </div>
    </Notice>
  );
}
