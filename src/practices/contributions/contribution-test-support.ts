// Shared by the contribution tests: posting forms the way a browser does (repeated checkbox
// fields, multipart uploads) and reading back what was stored.
import { randomUUID } from 'node:crypto'
import type { TestApp } from '../../../test/helpers/app.ts'
import type { Client } from '../../../test/helpers/client.ts'
import type { SubmissionsTables } from '../submissions.ts'

export type Fields = Record<string, string | string[]>

/** Posts a urlencoded form with its CSRF token; array values are sent as repeated fields. */
export async function postForm(client: Client, url: string, fields: Fields) {
  const body = new URLSearchParams()
  body.set('_csrf', await client.token())
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
  return client.request('POST', url, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' })
}

export interface FilePart {
  filename: string
  contentType: string
  content: Buffer
}

/** Posts a multipart form with the client's cookies and CSRF token (file bytes go as a Buffer). */
export async function postMultipart(client: Client, url: string, fields: Record<string, string>, files: Record<string, FilePart>) {
  const boundary = `----welkom${randomUUID()}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries({ _csrf: await client.token(), ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`), file.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  const cookie = ['welkom_session', 'welkom_csrf'].flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : [])).join('; ')
  return client.app.inject({ method: 'POST', url, payload: Buffer.concat(parts), remoteAddress: client.address, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } })
}

/** A complete, valid fiche for the municipality. */
export function ficheFields(municipalityId: string, overrides: Fields = {}): Fields {
  return {
    title: 'Buddywerking voor nieuwkomers',
    summary: 'Vrijwilligers helpen nieuwkomers hun weg te vinden in de gemeente.',
    categories: ['onthaalbeleid', 'participatie'],
    targetGroups: ['nieuwkomers'],
    goals: 'Nieuwkomers leren de gemeente kennen\r\n\r\nVrijwilligers en nieuwkomers ontmoeten elkaar\r\n',
    targetGroup: 'Nieuwkomers die minder dan een jaar in de gemeente wonen',
    description: 'Elke nieuwkomer krijgt een buddy.\r\nSamen gaan ze naar de bibliotheek, de sportclub en de markt.',
    partners: 'Het Agentschap Integratie en Inburgering',
    resources: 'Handleiding buddywerking | https://www.example.org/handleiding\r\nhttps://www.example.org/folder\r\nInfoavond in het gemeentehuis',
    successFactors: '',
    challenges: '',
    municipality: municipalityId,
    entryBlurb: 'Sinds 2020 koppelen we elk jaar dertig duo’s.',
    entrySince: 'sinds 2020',
    entryContactName: 'An Peeters',
    entryContactEmail: 'an.peeters@example.org',
    entryContactPhone: '014 33 07 00',
    entryWebsite: 'https://www.example.org/buddy',
    submitterName: 'An Peeters',
    submitterEmail: 'An.Peeters@example.org',
    ...overrides,
  }
}

export type SubmissionRow = SubmissionsTables['practice_submissions']

export async function submissions(t: TestApp): Promise<SubmissionRow[]> {
  return (await t.db.selectFrom('practice_submissions').selectAll().orderBy('created_at').execute()) as SubmissionRow[]
}

export async function mails(t: TestApp): Promise<{ to_address: string; subject: string; text_body: string; status: string }[]> {
  return t.db.selectFrom('mail_messages').select(['to_address', 'subject', 'text_body', 'status']).orderBy('created_at').execute()
}

/** The confirmation path from an e-mail body. */
export function confirmPathIn(text: string): string {
  const match = /http:\/\/localhost:3000(\/praktijken\/bevestigen\/[A-Za-z0-9_-]+)/.exec(text)
  if (!match) throw new Error('no confirmation link in the e-mail')
  return match[1]!
}
