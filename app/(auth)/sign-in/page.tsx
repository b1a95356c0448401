import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getActor } from '@/server/auth/options';

export default async function SignInPage() {
  if (await getActor()) redirect('/');
  return (
    <main id="main" className="px-4 py-6">
      <SignInForm />
    </main>
  );
}
