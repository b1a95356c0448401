import { ResetRequestForm } from '@/components/auth/reset-request-form';

export default function ResetPasswordPage() {
  return (
    <main id="main" className="px-4 py-6">
      <ResetRequestForm />
    </main>
  );
}
