/**
 * Who the demo academy's users are: the README's sign-in table, the dev
 * script's banner and the browser tests all read it. No imports, so the
 * browser tests can load it without the server.
 */
/** The factories' default password (DEFAULT_TEST_PASSWORD), so seeded users sign in as tests' do. */
export const DEMO_PASSWORD = 'halaqa-demo';
export const DEMO_ACADEMY_SLUG = 'itqan-academy';
export const DEMO_USERS = {
  superAdmin: { email: 'super@halaqa.test', name: 'Halaqa Admin', role: 'super_admin' },
  admin: { email: 'admin@itqan.test', name: 'فاطمة الزهراني', role: 'academy_admin' },
  supervisor: { email: 'supervisor@itqan.test', name: 'سارة الشمري', role: 'supervisor' },
  teacher: { email: 'teacher@itqan.test', name: 'أحمد الحربي', role: 'teacher' },
  student: { email: 'student@itqan.test', name: 'يوسف العتيبي', role: 'student' },
  student2: { email: 'student2@itqan.test', name: 'مريم القحطاني', role: 'student' },
  parent: { email: 'parent@itqan.test', name: 'خالد العتيبي', role: 'parent' },
} as const;
