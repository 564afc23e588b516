// The newcomer's recording of how to say their name, over HTTP. The reply token in the path is the
// only key, as on the reply page. A form post answers with a redirect (or, refused, a page with
// the reason); the recorder script asks for JSON and swaps the section in place.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { renderToString } from 'preact-render-to-string'
import { recordAudit } from '../../audit/audit-queries.ts'
import { text } from '../../platform/http/forms.ts'
import { limitRate } from '../../platform/http/rate-limit.ts'
import type { Translator } from '../../platform/i18n/i18n.ts'
import { paths, withQuery } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { findInvitationByToken, type InvitationRow } from '../invitations-queries.ts'
import { isReplyOpen } from '../reply.ts'
import { NotFoundPage } from '../reply/code-pages.tsx'
import { newcomerLanguage, newcomerTranslator } from '../reply/newcomer-language.ts'
import { sendNewcomerPage } from '../reply/newcomer-layout.tsx'
import { offeredLanguages } from '../translation.ts'
import { checkRecording, RECORDING_MAX_BYTES, type RecordingProblem } from './audio.ts'
import { RecordingProblemPage } from './recording-problem-page.tsx'
import { deleteRecording, findRecordingAudio, findReplyEdition, recordingExists, saveRecording, type ReplyEdition } from './recording-queries.ts'
import { RecordingBody, problemMessage, type RecordingNotice } from './recording-section.tsx'
import { recordingStaffRoutes } from './recording-staff-routes.tsx'

type Params = { Params: { token: string } }

/**
 * A person records a few times at most, but a language class may share one address; each person
 * keeps one recording (a new one replaces it), so this only stops a flood of 1 MB uploads.
 */
const UPLOAD_LIMIT = { max: 60, windowMs: 15 * 60_000 }

/** The query flag the reply page reads to confirm what just happened next to the recording. */
const NOTICE_PARAM = 'opname'
const NOTICES: Record<RecordingNotice, string> = { saved: 'bewaard', deleted: 'gewist' }

/** The confirmation to show after a redirect from here, read from the reply page's query string. */
export function recordingNotice(query: unknown): RecordingNotice | null {
  const value = query && typeof query === 'object' ? (query as Record<string, unknown>)[NOTICE_PARAM] : undefined
  return (Object.keys(NOTICES) as RecordingNotice[]).find((notice) => NOTICES[notice] === value) ?? null
}

export function recordingRoutes(app: FastifyInstance, services: Services): void {
  newcomerRecordingRoutes(app, services)
  recordingStaffRoutes(app, services)
}

function newcomerRecordingRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  /** The invitation and its edition, or null for an unknown token or a purged edition. */
  const open = async (token: string): Promise<{ invitation: InvitationRow; edition: ReplyEdition } | null> => {
    const invitation = await findInvitationByToken(db, token)
    const edition = invitation && (await findReplyEdition(db, invitation))
    return invitation && edition && !edition.purgedAt ? { invitation, edition } : null
  }

  /** The page's language, as the reply page chooses it (the form posts it back as "taal"). */
  const translatorFor = (request: FastifyRequest, edition: ReplyEdition): Translator => newcomerTranslator(newcomerLanguage(request, offeredLanguages(edition.languages), edition.inviteeLanguage))

  /** The reply page's page for an address that opens nothing: it tells nobody whether a token exists. */
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendNewcomerPage(reply, 404, <NotFoundPage i18n={newcomerTranslator(newcomerLanguage(request))} switchPath={paths.replyCode()} />)

  const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json')

  /** Back to the reply page, in the same language, at the recording. */
  const backTo = (token: string, i18n: Translator, notice: RecordingNotice) => `${withQuery(paths.reply(token), { taal: i18n.locale, [NOTICE_PARAM]: NOTICES[notice] })}#recording`

  /** Refused: the reason in the page's language, as JSON for the script or as a page with the form again. */
  const refuse = async (request: FastifyRequest<Params>, reply: FastifyReply, i18n: Translator, problem: RecordingProblem | 'closed', inviteeId: string) => {
    const status = problem === 'closed' ? 409 : 400
    if (wantsJson(request)) return reply.status(status).header('cache-control', 'no-store').send({ ok: false, error: problemMessage(i18n, problem) })
    const hasRecording = await recordingExists(db, inviteeId)
    return sendNewcomerPage(reply, status, <RecordingProblemPage i18n={i18n} token={request.params.token} problem={problem} hasRecording={hasRecording} />)
  }

  // A recording is up to 1 MB: this route alone takes files that size (one byte more tells that a
  // file is too large). The app's limit for other routes is the photo limit.
  app.post<Params>('/r/:token/uitspraak', { config: { multipartOptions: { limits: { fileSize: RECORDING_MAX_BYTES + 1, files: 1 } } } }, async (request, reply) => {
    await limitRate(db, `reply-recording:ip:${request.ip}`, UPLOAD_LIMIT)
    const found = await open(request.params.token)
    if (!found) return notFound(request, reply)
    const { invitation, edition } = found
    const i18n = translatorFor(request, edition)
    const now = new Date()
    const target = { inviteeId: invitation.invitee_id, editionId: invitation.edition_id }
    // Nobody is signed in: the newcomer acted through their link. Never the sound itself.
    const who = { municipalityId: invitation.municipality_id, actor: null, record: { type: 'invitee', id: invitation.invitee_id } }

    if (!isReplyOpen(edition, now)) return refuse(request, reply, i18n, 'closed', target.inviteeId)

    if (text(request.body, 'action') === 'delete') {
      await db.transaction().execute(async (trx) => {
        if (await deleteRecording(trx, target)) await recordAudit(trx, { ...who, action: 'reply.recording_deleted', details: { editionId: target.editionId } })
      })
      if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ ok: true, message: i18n.t('recording.notice.deleted') })
      return reply.redirect(backTo(request.params.token, i18n, 'deleted'), 303)
    }

    const bytes = uploadedBytes(request.body)
    const check = checkRecording(bytes)
    if (!check.ok || !bytes) return refuse(request, reply, i18n, check.ok ? 'empty' : check.problem, target.inviteeId)
    await db.transaction().execute(async (trx) => {
      const replaced = await saveRecording(trx, target, { bytes, contentType: check.contentType }, now)
      await recordAudit(trx, { ...who, action: 'reply.recording_saved', details: { editionId: target.editionId, contentType: check.contentType, bytes: bytes.length, replaced } })
    })
    if (wantsJson(request)) {
      const html = renderToString(<RecordingBody i18n={i18n} token={request.params.token} hasRecording />)
      return reply.header('cache-control', 'no-store').send({ ok: true, message: i18n.t('recording.notice.saved'), html })
    }
    return reply.redirect(backTo(request.params.token, i18n, 'saved'), 303)
  })

  // The newcomer listens to their own recording (the link in the section opens or plays it).
  app.get<Params>('/r/:token/uitspraak', async (request, reply) => {
    const found = await open(request.params.token)
    const recording = found && (await findRecordingAudio(db, null, found.invitation.edition_id, found.invitation.invitee_id))
    if (!recording) return notFound(request, reply)
    return reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .header('content-disposition', 'inline')
      .type(recording.contentType)
      .send(recording.audio)
  })
}

/** The uploaded file: multipart gives a Buffer; a client that sent it as a plain field, a string. */
function uploadedBytes(body: unknown): Buffer | null {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).recording : undefined
  if (Buffer.isBuffer(value)) return value
  if (typeof value === 'string') return Buffer.from(value, 'latin1')
  return null
}
