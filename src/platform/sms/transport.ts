// Where text messages go. Welkom has no SMS provider built in: a municipality's provider plugs in
// behind this interface (one `send`), and until then each message is written as a file under the
// data directory, where staff or a test can read it. Nothing is sent inside a request: the
// invitations feature queues messages as jobs that call `send`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface OutgoingSms {
  /** In international form, +32…; checked with libphonenumber-js before it is queued. */
  to: string
  text: string
  /** Stable across retries, so a provider that supports it can drop a repeat. */
  reference: string
}

export interface SmsTransport {
  readonly kind: 'file'
  send(message: OutgoingSms): Promise<void>
}

/** One text file per message in DATA_DIR/sms, readable only by the service's user. */
export function fileSmsTransport(dataDir: string): SmsTransport {
  const dir = join(dataDir, 'sms')
  return {
    kind: 'file',
    async send(message) {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.reference.replace(/[^a-zA-Z0-9-]/g, '')}.txt`
      writeFileSync(join(dir, name), `To: ${message.to}\nReference: ${message.reference}\n\n${message.text}\n`, { mode: 0o600 })
    },
  }
}
