/**
 * IANA timezone names, the same on the server (validating a profile) and in
 * the browser (the profile's list). Intl's list holds the canonical names;
 * older aliases Intl still understands (Asia/Calcutta) are accepted too.
 * UTC offsets ('+03:00') and abbreviations ('EST') are not IANA names, so no.
 */
const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2})$/;

export function timeZoneNames(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

let known: Set<string> | null = null;

export function isIanaTimeZone(name: string): boolean {
  known ??= new Set(timeZoneNames());
  if (known.has(name)) return true;
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
