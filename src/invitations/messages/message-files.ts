// The files the file transports leave in the data directory: an .eml per e-mail in outbox/ (when
// no SMTP server is configured) and a .txt per text message in sms/ (always, until a provider is
// plugged in). Each name holds the message's id. They carry names, numbers and reply links, so
// the purge removes those of the edition's messages.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** Deletes the outbox and SMS files of these message ids; returns how many were removed. */
export function deleteMessageFiles(dataDir: string, ids: readonly string[]): number {
  if (ids.length === 0) return 0
  let removed = 0
  for (const dir of ['outbox', 'sms'].map((d) => join(dataDir, d))) {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) {
      if (!ids.some((id) => name.includes(id))) continue
      rmSync(join(dir, name), { force: true })
      removed++
    }
  }
  return removed
}
