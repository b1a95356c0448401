import { StudentHome } from '@/components/dashboard/student-home';
import { requireActor } from '../_lib/require-actor';

export default async function StudentPage() {
  const actor = await requireActor(['student']);
  return <StudentHome name={actor.name} userId={actor.id} />;
}
