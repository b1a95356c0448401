import type { Metadata } from 'next';
import { LinkPasswordForm } from '@/components/auth/link-password-form';

// The token is in the path: no page it links to learns it.
export const metadata: Metadata = { referrer: 'no-referrer' };

/** An invitation link: public, the token is the credential (its state is asked of account.link). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main id="main" className="px-4 py-6">
      <LinkPasswordForm token={token} purpose="invitation" />
    </main>
  );
}
