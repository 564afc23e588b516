// Shared by the wizard's tests: posting the upload form as a browser does (multipart) and walking
// through the steps.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from '../../../test/helpers/client.ts'
import { paths } from '../../paths.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

export const sample = (name: string) => readFileSync(join(SAMPLES_DIR, name))

/** Posts the upload form: `file` and `register` as file parts (an absent one is not sent). */
export async function upload(client: Client, editionId: string, input: { shape?: string; sheet?: string; file?: Buffer; fileName?: string; register?: Buffer }) {
  const boundary = `----welkom${randomUUID()}`
  const parts: Buffer[] = []
  const fields = { _csrf: await client.token(), shape: input.shape ?? (input.register ? 'two' : 'one'), sheet: input.sheet ?? '' }
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  const files = { file: input.file, register: input.register }
  for (const [name, content] of Object.entries(files)) {
    if (!content) continue
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name === 'file' ? (input.fileName ?? 'lijst.csv') : 'register.csv'}"\r\nContent-Type: application/octet-stream\r\n\r\n`), content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  const cookie = ['welkom_session', 'welkom_csrf'].flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : [])).join('; ')
  return client.app.inject({ method: 'POST', url: paths.inviteeImport(editionId), payload: Buffer.concat(parts), remoteAddress: client.address, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } })
}

/** The upload id from the redirect after a successful upload. */
export function uploadIdOf(response: { statusCode: number; headers: Record<string, unknown>; body: string }): string {
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000))
  const match = /\/inlezen\/([^/?]+)$/.exec(String(response.headers.location))
  assert.ok(match, `unexpected redirect ${String(response.headers.location)}`)
  return match[1]!
}

/** The value each select of the mapping page has selected ('' for "not in the file"). */
export function selectedMapping(html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const select of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected/.exec(select[2]!)
    out[select[1]!] = chosen ? chosen[1]! : ''
  }
  return out
}

/**
 * Upload → accept the suggested mapping → preview → commit; the import is then queued as a job.
 * Returns the address of the import's page.
 */
export async function commitThroughWizard(client: Client, editionId: string, input: Parameters<typeof upload>[2]) {
  const uploadId = uploadIdOf(await upload(client, editionId, input))
  const mappingPage = await client.get(paths.inviteeImportStep(editionId, uploadId))
  assert.equal(mappingPage.statusCode, 200)
  const saved = await client.post(paths.inviteeImportStep(editionId, uploadId), selectedMapping(mappingPage.body))
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 3000))
  const preview = await client.get(paths.inviteeImportPreview(editionId, uploadId))
  assert.equal(preview.statusCode, 200)
  const committed = await client.post(paths.inviteeImportCommit(editionId, uploadId))
  assert.equal(committed.statusCode, 303)
  const runUrl = String(committed.headers.location)
  const match = /\/inlezen\/verwerking\/([^/]+)$/.exec(runUrl)
  assert.ok(match, `the commit goes to the import’s page, not ${runUrl}`)
  return { uploadId, importId: match[1]!, runUrl, preview }
}

/**
 * The whole wizard, then the background job (`runJobs`, the test app's), then the import's page,
 * which then shows the result.
 */
export async function importThroughWizard(client: Client, editionId: string, input: Parameters<typeof upload>[2], runJobs: () => Promise<number>) {
  const committed = await commitThroughWizard(client, editionId, input)
  assert.ok((await runJobs()) >= 1, 'the import ran as a job')
  const result = await client.get(committed.runUrl)
  return { ...committed, result }
}
