/** Academies: tenant settings (SPEC 2, 6). */
export * from './settings';
