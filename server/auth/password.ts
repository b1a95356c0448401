import 'server-only';
import bcrypt from 'bcryptjs';

// bcryptjs: pure JS (no native build step to break under npm 11's script
// approval), cost 10 keeps a sign-in under ~100 ms on two cores.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
