// Partner organisations of a municipality (the library, VDAB, the buddy project…), reused from
// edition to edition, and the form that holds one. The contact is a person at the organisation:
// kept short, shown only to staff. Pure.
import { FormParser, text, type Parsed } from '../../platform/http/forms.ts'

export interface Partner {
  id: string
  municipalityId: string
  name: string
  /** The usual offer, short: "Bibliotheek: gratis lidkaart" */
  offer: string | null
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
}

export interface PartnerInput {
  name: string
  offer: string | null
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
}

export const PARTNER_LIMITS = { name: 120, offer: 200, contactName: 120, phone: 40 } as const

/** Digits with the usual separators and an optional leading +: every format people type. */
const PHONE = /^\+?[0-9 ()./-]{6,40}$/

export function parsePartner(body: unknown): Parsed<PartnerInput> {
  const form = new FormParser(body)
  const name = form.required('name', 'partners.form.nameRequired', { max: PARTNER_LIMITS.name })
  const offer = form.optional('offer', { max: PARTNER_LIMITS.offer })
  const contactName = form.optional('contactName', { max: PARTNER_LIMITS.contactName })
  const contactEmail = form.email('contactEmail', { required: false }) || null
  const phone = text(body, 'contactPhone')
  if (phone) form.check(PHONE.test(phone) && /\d{6}/.test(phone.replace(/\D/g, '')), 'contactPhone', 'partners.form.phoneInvalid')
  return form.result({ name, offer, contactName, contactEmail, contactPhone: phone || null })
}

export function partnerFormValues(partner: Partner): Record<string, string> {
  return { name: partner.name, offer: partner.offer ?? '', contactName: partner.contactName ?? '', contactEmail: partner.contactEmail ?? '', contactPhone: partner.contactPhone ?? '' }
}

/** The fields that differ, by name only: the audit log never holds the values. */
export function changedPartnerFields(before: Partner, after: PartnerInput): string[] {
  return (Object.keys(after) as (keyof PartnerInput)[]).filter((key) => before[key] !== after[key])
}
