/**
 * An IANA time zone name ("Asia/Riyadh", "UTC"), as the runtime's ICU knows
 * it. Offsets ("+03:00") and abbreviations ("AST") are refused: they do not
 * follow daylight saving, so sessions would drift.
 */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return false;
  if (name !== 'UTC' && !name.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
