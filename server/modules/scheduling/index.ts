/** Scheduling (SPEC 3, 6): pure eligibility rules and weekly schedule expansion in the academy's timezone. */
export * from './eligibility';
export * from './weekly-schedule';
