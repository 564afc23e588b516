import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's suggested minimum (19 MiB, 2 passes): about 15 ms here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** Verifies against a fixed hash when the account does not exist, so timing reveals nothing. */
let dummy: Promise<string> | null = null
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('welkom-dummy-password')
  await verifyPassword(await dummy, password)
}
