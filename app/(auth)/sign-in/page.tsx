import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getActor } from '@/server/auth/options';

export default async function SignInPage() {
  if (await getActor()) redirect('/');
  return (
    <main>
      <SignInForm />
    </main>
  );
}
