// A municipality admin keeps their municipality's settings; a platform admin adds municipalities.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../accounts/accounts.ts'
import { findUserByEmail } from '../accounts/accounts-queries.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { NotFound } from '../platform/errors.ts'
import { setFlash } from '../platform/http/flash.ts'
import type { FieldError } from '../platform/views/context.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { inviteStaffMember } from '../staff/staff-invitations.ts'
import { changedSettingsFields, parseMunicipalitySettings, parseNewMunicipality, type Municipality } from './municipalities.ts'
import { findLetterWindow, findMunicipality, findMunicipalityByNis, insertMunicipality, listMunicipalityOverview, setLetterWindow, setLogo, updateMunicipalitySettings } from './municipalities-queries.ts'
import type { FormState } from '../platform/views/context.ts'
import { MunicipalitiesPage, NewMunicipalityPage, SettingsPage } from './municipalities-pages.tsx'

export function municipalitiesRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showSettings = async (request: FastifyRequest, reply: FastifyReply, municipality: Municipality, state: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <SettingsPage ctx={ctx} municipality={municipality} state={state} />, status)
  }

  const ownMunicipality = async (request: FastifyRequest) => {
    const user = requireRole(request, can.manageMunicipality)
    const municipality = await findMunicipality(db, scopeOf(user).municipalityId)
    const letterWindow = municipality && (await findLetterWindow(db, municipality.id))
    if (!municipality || !letterWindow) throw new NotFound('municipality')
    return { user, municipality, letterWindow }
  }

  app.get(paths.municipalitySettings(), async (request, reply) => {
    const { municipality: m, letterWindow } = await ownMunicipality(request)
    const values = {
      name: m.name,
      themeColor: m.themeColor,
      contactEmail: m.contactEmail ?? '',
      contactPhone: m.contactPhone ?? '',
      website: m.website ?? '',
      address: m.address ?? '',
      retentionDays: String(m.retentionDays),
      letterAddressTopMm: String(letterWindow.topMm),
      letterAddressLeftMm: String(letterWindow.leftMm),
    }
    return showSettings(request, reply, m, { errors: [], values })
  })

  // The form is multipart (it carries the logo): text fields arrive as strings, the file as a Buffer.
  app.post(paths.municipalitySettings(), async (request, reply) => {
    const { user, municipality, letterWindow: currentWindow } = await ownMunicipality(request)
    const parsed = parseMunicipalitySettings(request.body)
    if (!parsed.ok) return showSettings(request, reply, municipality, parsed, 400)
    const { settings, logo, letterWindow } = parsed.value
    const fields = changedSettingsFields(municipality, settings, logo, { before: currentWindow, after: letterWindow })
    if (fields.length > 0) {
      await db.transaction().execute(async (trx) => {
        await updateMunicipalitySettings(trx, municipality.id, settings)
        if (logo.kind === 'replace') await setLogo(trx, municipality.id, { bytes: logo.bytes, type: logo.type })
        if (logo.kind === 'remove') await setLogo(trx, municipality.id, null)
        if (letterWindow) await setLetterWindow(trx, municipality.id, letterWindow)
        await recordAudit(trx, { municipalityId: municipality.id, actor: user, action: 'municipality.updated', record: { type: 'municipality', id: municipality.id }, details: { fields } })
      })
    }
    setFlash(reply, { kind: 'success', message: 'municipalities.settings.saved' })
    return reply.redirect(paths.municipalitySettings(), 303)
  })

  app.get(paths.municipalities(), async (request, reply) => {
    requireRole(request, can.manageMunicipalities)
    const municipalities = await listMunicipalityOverview(db)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <MunicipalitiesPage ctx={ctx} municipalities={municipalities} />)
  })

  const showNew = async (request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <NewMunicipalityPage ctx={ctx} state={state} />, status)
  }

  app.get(paths.municipalityNew(), async (request, reply) => {
    requireRole(request, can.manageMunicipalities)
    return showNew(request, reply, { errors: [], values: {} })
  })

  app.post(paths.municipalityNew(), async (request, reply) => {
    const user = requireRole(request, can.manageMunicipalities)
    const parsed = parseNewMunicipality(request.body)
    if (!parsed.ok) return showNew(request, reply, parsed, 400)
    const input = parsed.value
    const errors: FieldError[] = []
    if (await findMunicipalityByNis(db, input.nisCode)) errors.push({ field: 'nisCode', message: 'municipalities.new.nisTaken' })
    if (await findUserByEmail(db, input.adminEmail)) errors.push({ field: 'adminEmail', message: 'staff.form.emailTaken' })
    if (errors.length) return showNew(request, reply, { errors, values: { ...input } }, 400)
    await db.transaction().execute(async (trx) => {
      const municipalityId = await insertMunicipality(trx, { nisCode: input.nisCode, name: input.name })
      await recordAudit(trx, { municipalityId, actor: user, action: 'municipality.created', record: { type: 'municipality', id: municipalityId } })
      await inviteStaffMember(trx, services, user, municipalityId, { name: input.adminName, email: input.adminEmail, role: 'municipality_admin' })
    })
    setFlash(reply, { kind: 'success', message: 'municipalities.new.done' })
    return reply.redirect(paths.municipalities(), 303)
  })
}
