import { ProfileForm } from '@/components/profile/profile-form';

/** Everyone signed in (the layout checks): their own language and timezone. */
export default function ProfilePage() {
  return <ProfileForm />;
}
