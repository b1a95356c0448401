import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LanguageSwitcher } from '@/components/dashboard/language-switcher';
import { getActor } from '@/server/auth/options';

export default async function SignInPage() {
  if (await getActor()) redirect('/');
  return (
    <>
      {/* The first visit is in the browser's language (server/auth/viewer.ts); the other one is a tap away. */}
      <header className="flex justify-end px-4 pt-3">
        <LanguageSwitcher signedIn={false} />
      </header>
      <main id="main" className="px-4 pb-6">
        <SignInForm />
      </main>
    </>
  );
}
