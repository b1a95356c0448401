export * from './enums';
export * from './academies';
export * from './users';
export * from './groups';
export * from './sessions';
export * from './meetings';
export * from './attendance';
export * from './rate-limits';
