// Staff listen to how a person says their name. The page holds the person's name and spelling;
// the sound comes from its own address, and each time it is fetched (someone listens) that is
// recorded in the audit trail. Staff delete a recording when the person asks them to (by phone,
// at the desk); the person can record again. Another municipality's staff get a 404, as for any
// record.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { deleteRecording, findNameSound, findRecordingAudio } from './recording-queries.ts'
import { RecordingStaffPage } from './recording-staff-page.tsx'

type Params = { Params: { id: string; inviteeId: string } }

export function recordingStaffRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/genodigden/:inviteeId/uitspraak', async (request, reply) => {
    const { scope, edition } = await requireEdition(db, request, request.params.id)
    const person = await findNameSound(db, scope, edition.id, request.params.inviteeId)
    if (!person) throw new NotFound('invitee')
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <RecordingStaffPage ctx={ctx} edition={edition} person={person} audioUrl={paths.inviteeRecordingAudio(edition.id, person.inviteeId)} />)
  })

  app.get<Params>('/edities/:id/genodigden/:inviteeId/uitspraak/geluid', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const recording = await findRecordingAudio(db, scope, edition.id, request.params.inviteeId)
    if (!recording) throw new NotFound('recording')
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'reply.recording_played', record: { type: 'invitee', id: request.params.inviteeId }, details: { editionId: edition.id } })
    return reply.header('cache-control', 'no-store').header('content-disposition', 'inline').type(recording.contentType).send(recording.audio)
  })

  app.post<Params>('/edities/:id/genodigden/:inviteeId/uitspraak/verwijderen', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const person = await findNameSound(db, scope, edition.id, request.params.inviteeId)
    if (!person) throw new NotFound('invitee')
    const deleted = await db.transaction().execute(async (trx) => {
      if (!(await deleteRecording(trx, { inviteeId: person.inviteeId, editionId: edition.id }))) return false
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'reply.recording_deleted', record: { type: 'invitee', id: person.inviteeId }, details: { editionId: edition.id } })
      return true
    })
    // Deleted a moment ago by someone else: the outcome the person asked for all the same.
    setFlash(reply, { kind: 'success', message: deleted ? 'recording-staff.flash.deleted' : 'recording-staff.flash.alreadyGone' })
    return reply.redirect(paths.inviteeRecording(edition.id, person.inviteeId), 303)
  })
}
