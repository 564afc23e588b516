// The newcomer's reply page over HTTP: the personal address /r/<token>, its thank-you page and
// calendar file, and the staff form for an answer given by phone, letter or at the desk
// (staff-reply-routes.tsx). No account: the token in the path is the only key, so every page is
// noindex, no-referrer and no-store, and the log names the route pattern, never the token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { renderToString } from 'preact-render-to-string'
import { acceptsGzip } from '../../platform/http/gzip-join.ts'
import type { Translator } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { ceremonyMinutes, invitationIcs } from '../messages/invitation-ics.ts'
import { recordingNotice } from '../recording/recording-routes.tsx'
import { isReplyOpen, parseReply } from '../reply.ts'
import { offeredLanguages } from '../translation.ts'
import { codeRoutes } from './code-routes.tsx'
import { NotFoundPage } from './code-pages.tsx'
import { DonePage } from './done-page.tsx'
import { newcomerLanguage, newcomerTranslator } from './newcomer-language.ts'
import { sendNewcomerHtml, sendNewcomerPage } from './newcomer-layout.tsx'
import { valuesFromBody, valuesFromReply } from './reply-form.tsx'
import { createReplyPageCache, fillTemplate, fillTemplateGzip, slotValues, type SharedReplyData } from './reply-page-cache.ts'
import { AnswerSection, ReplyPage, type ReplyPageProps } from './reply-page.tsx'
import { findReplySubjectByToken, type ReplySubject } from './reply-queries.ts'
import { waitingPosition } from './seats-queries.ts'
import { saveReply } from './save-reply.ts'
import { fontRoutes } from './font-routes.ts'
import { replyErrors, refusedAnswer } from './reply-input.ts'
import { staffReplyRoutes } from './staff-reply-routes.tsx'

type Params = { Params: { token: string } }

/** A reply token is 24 URL-safe characters; anything else is not worth a database query. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/

export function replyRoutes(app: FastifyInstance, services: Services): void {
  fontRoutes(app)
  codeRoutes(app, services)
  newcomerReplyRoutes(app, services)
  staffReplyRoutes(app, services)
}

function newcomerReplyRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const cache = createReplyPageCache(db)

  const subjectOf = async (token: string): Promise<ReplySubject | null> => (TOKEN.test(token) ? findReplySubjectByToken(db, token) : null)

  /** One page for every address that opens nothing, in the browser's language. */
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const i18n = newcomerTranslator(newcomerLanguage(request))
    return sendNewcomerPage(reply, 404, <NotFoundPage i18n={i18n} switchPath={request.url.split('?')[0] ?? paths.replyCode()} />)
  }

  const languageOf = (request: FastifyRequest, subject: ReplySubject) => {
    const offered = offeredLanguages(subject.edition.languages)
    return { offered, i18n: newcomerTranslator(newcomerLanguage(request, offered, subject.invitee.language)) }
  }

  const isOpen = (subject: ReplySubject, now: Date) => isReplyOpen(subject.edition, now)

  /** What the page shows besides the answer: the programme and info market (shared), the waiting list. */
  const pageData = async (subject: ReplySubject): Promise<{ shared: SharedReplyData; position: number | null }> => {
    const waiting = subject.reply?.attending === 'yes' && subject.reply.place === 'waiting'
    const [shared, position] = await Promise.all([cache.shared(subject.edition.id), waiting ? waitingPosition(db, subject.edition.id, { id: subject.invitee.id, waitingSince: subject.reply!.waitingSince }) : null])
    return { shared, position }
  }

  /** The whole page rendered for this request: a refused or invalid answer, shown back with its errors. */
  const showPage = async (request: FastifyRequest, reply: FastifyReply, token: string, subject: ReplySubject, i18n: Translator, offered: ReplyPageProps['offered'], state: Pick<ReplyPageProps, 'values' | 'errors' | 'refused'>, status: number) => {
    const { shared, position } = await pageData(subject)
    const props: ReplyPageProps = { i18n, offered, token, subject, ...shared, waitingPosition: position, hasRecording: subject.hasRecording, open: isOpen(subject, new Date()), recordingNotice: recordingNotice(request.query), ...state }
    return sendNewcomerPage(reply, status, <ReplyPage {...props} />)
  }

  // The page as a visit opens it: a template shared by every invitee of the edition who reads it
  // in this language (reply-page-cache.ts), with the first name and the address filled in. Only
  // someone who has answered, or a page once replying has closed, gets the answer section rendered
  // for them.
  app.get<Params>('/r/:token', async (request, reply) => {
    const { token } = request.params
    const subject = await subjectOf(token)
    if (!subject) return notFound(request, reply)
    const { i18n, offered } = languageOf(request, subject)
    const { shared, position } = await pageData(subject)
    const open = cache.isOpen(subject, new Date())
    const notice = recordingNotice(request.query)
    const blank = open && !subject.reply
    const variant = `${i18n.locale}|${subject.hasRecording ? 'recording' : ''}|${notice ?? ''}|${blank ? 'form' : 'answer'}`
    const template = cache.template(subject, shared, variant, () => {
      // Nothing of this person goes into a template but the slots: the other fields are left empty.
      const anyone: ReplySubject = { ...subject, invitee: { id: '', firstName: slotValues.firstName, lastName: '', language: null }, reply: null }
      const props: ReplyPageProps = { i18n, offered, token: slotValues.token, subject: anyone, programme: shared.programme, offers: shared.offers, open, values: {}, errors: [], hasRecording: subject.hasRecording, recordingNotice: notice, waitingPosition: null }
      return <ReplyPage {...props} answerSection={blank ? undefined : slotValues.answer} />
    })
    const answer = blank ? undefined : renderToString(<AnswerSection i18n={i18n} token={token} subject={subject} offers={shared.offers} open={open} values={valuesFromReply(subject.reply)} errors={[]} waitingPosition={position} />)
    const fill = { token, firstName: subject.invitee.firstName, ...(answer === undefined ? {} : { answer }) }
    // Most phones take gzip: the template is deflated once, so a visit only adds the slots.
    reply.header('vary', 'accept-encoding')
    if (!acceptsGzip(request.headers['accept-encoding'])) return sendNewcomerHtml(reply, 200, fillTemplate(template, fill))
    return sendNewcomerHtml(reply.header('content-encoding', 'gzip'), 200, fillTemplateGzip(template, fill))
  })

  app.post<Params>('/r/:token', async (request, reply) => {
    const { token } = request.params
    const subject = await subjectOf(token)
    if (!subject) return notFound(request, reply)
    const { i18n, offered } = languageOf(request, subject)
    const now = new Date()
    // The stands the page offered (at most 10 s old, like the page itself).
    const standIds = (await cache.shared(subject.edition.id)).offers.map((o) => o.standId)
    if (!isOpen(subject, now)) {
      // Refused, but nothing is lost: the page shows what was sent and whom to call instead.
      return showPage(request, reply, token, subject, i18n, offered, { values: valuesFromBody(request.body), errors: [], refused: refusedAnswer(request.body, standIds) }, 409)
    }
    const parsed = parseReply(request.body, { guestsPerInvitee: subject.edition.guestsPerInvitee, standIds })
    if (!parsed.ok) {
      return showPage(request, reply, token, subject, i18n, offered, { values: valuesFromBody(request.body), errors: replyErrors(parsed.errors, subject.edition.guestsPerInvitee) }, 400)
    }
    await saveReply(db, services.config, { edition: subject.edition, invitee: subject.invitee, input: parsed.value, channel: 'web', actor: null, language: i18n.locale, now })
    return reply.redirect(`${paths.replyDone(token)}?taal=${i18n.locale}`, 303)
  })

  app.get<Params>('/r/:token/bedankt', async (request, reply) => {
    const { token } = request.params
    const subject = await subjectOf(token)
    if (!subject) return notFound(request, reply)
    if (!subject.reply) return reply.redirect(paths.reply(token), 303)
    const { i18n, offered } = languageOf(request, subject)
    const { shared, position } = await pageData(subject)
    const page = <DonePage i18n={i18n} offered={offered} token={token} subject={subject} reply={subject.reply} offers={shared.offers} waitingPosition={position} open={isOpen(subject, new Date())} />
    return sendNewcomerPage(reply, 200, page)
  })

  app.get<Params>('/r/:token/agenda.ics', async (request, reply) => {
    const { token } = request.params
    const subject = await subjectOf(token)
    if (!subject) return notFound(request, reply)
    const { i18n } = languageOf(request, subject)
    const { edition } = subject
    const items = (await cache.shared(edition.id)).programme
    const body = invitationIcs({
      uid: `welkom-${edition.id}-${subject.invitee.id}`,
      title: i18n.t('reply.calendar.title', { municipality: subject.municipality.name }),
      startsAt: edition.startsAt,
      durationMinutes: ceremonyMinutes(items.map((i) => i.durationMinutes)),
      location: [edition.venueName, edition.venueRoom, edition.venueAddress].filter(Boolean).join(', ') || null,
      description: i18n.t('reply.calendar.description'),
      url: new URL(paths.reply(token), services.config.baseUrl).toString(),
      now: new Date(),
    })
    return reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .header('content-disposition', 'attachment; filename="welkom.ics"')
      .type('text/calendar; charset=utf-8')
      .send(body)
  })
}
