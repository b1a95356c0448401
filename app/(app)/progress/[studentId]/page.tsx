import { notFound } from 'next/navigation';
import { StudentProgress } from '@/components/recitations/student-progress';
import { requireActor } from '../../_lib/require-actor';

/** Anyone signed in may ask; recitation.progress decides (the student, their parents and teachers, managers). */
export default async function ProgressPage({ params }: { params: Promise<{ studentId: string }> }) {
  await requireActor();
  const { studentId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(studentId) || Number(studentId) > 2_147_483_647) notFound();
  return <StudentProgress studentId={Number(studentId)} />;
}
