import { hash, verify } from '@node-rs/argon2';

/** Argon2id with OWASP's recommended cost; a cheap cost only where the operator asked for it (tests, demo). */
const STRONG = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

let fast = false;
export function useFastHashing(enabled: boolean): void {
  fast = enabled;
}

export const PASSWORD_MIN_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, fast ? FAST : STRONG);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('namro-dummy-password');
  return dummyHash;
}
