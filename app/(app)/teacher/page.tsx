import { TeacherHome } from '@/components/dashboard/teacher-home';
import { requireActor } from '../_lib/require-actor';

export default async function TeacherPage() {
  const actor = await requireActor(['teacher']);
  return <TeacherHome name={actor.name} />;
}
