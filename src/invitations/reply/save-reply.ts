// Saving an answer: one path for the newcomer on the web and for staff recording an answer given by
// phone, by letter or at the desk. In one transaction: the place (confirmed or waiting), the answer,
// "invite me next time", the contribution offer, promotions from the waiting list, the audit trail
// and the messages. Posting the same answer again changes nothing.
import type { AuditActor } from '../../audit/audit.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import type { Config } from '../../config.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { queueInviteeMessages } from '../messages/invitee-messages.ts'
import { placeFor, promotions, seatsOf, type Place, type ReplyChannel, type ReplyInput } from '../reply.ts'
import { syncContributionOffer } from './contribution-offer-queries.ts'
import { currentReply, writeReply, type StoredReply } from './reply-queries.ts'
import { confirmedSeats, confirmPlaces, lockEdition, othersWaiting, waitingList } from './seats-queries.ts'

export interface SaveReplyRequest {
  edition: { id: string; municipalityId: string; capacity: number }
  invitee: { id: string; firstName: string }
  input: ReplyInput
  channel: ReplyChannel
  /** The staff member who recorded it; null when the newcomer answered. */
  actor: AuditActor | null
  /** The language the page was read in (web), or null. */
  language: string | null
  now: Date
}

export type SaveReplyOutcome = { changed: false } | { changed: true; place: Place | null; promoted: string[] }

export async function saveReply(db: AnyDb, config: Config, request: SaveReplyRequest): Promise<SaveReplyOutcome> {
  const { edition, invitee, input, channel, actor, now } = request
  return db.transaction().execute(async (trx) => {
    await lockEdition(trx, edition.id)
    const before = await currentReply(trx, invitee.id)
    if (before && sameAnswer(before, input, channel)) return { changed: false }

    // The seats are counted once, without this person; the counts after the change follow from
    // it (nobody else writes to the edition's answers meanwhile: lockEdition, or SQLite's one writer).
    const othersSeats = await confirmedSeats(trx, edition.id, invitee.id)
    const previous = before ? { place: before.attending === 'yes' ? before.place : null, seats: seatsOf(before) } : null
    let place: Place | null = null
    if (input.attending === 'yes') {
      const waiting = (await othersWaiting(trx, edition.id, invitee.id)) ? 1 : 0
      const ownSeats = previous?.place === 'confirmed' ? previous.seats : 0
      place = placeFor({ seats: seatsOf(input), previous, confirmedSeats: othersSeats + ownSeats, capacity: edition.capacity, waiting })
    }
    // Someone already waiting keeps their turn when they change their answer.
    const waitingSince = place === 'waiting' ? (before?.place === 'waiting' && before.attending === 'yes' && before.waitingSince ? before.waitingSince : now) : null
    await writeReply(trx, { municipalityId: edition.municipalityId, editionId: edition.id, inviteeId: invitee.id, input, place, waitingSince, channel, recordedBy: actor?.id ?? null, language: request.language, now }, before !== null)
    const offers = input.attending === 'yes' && input.contributionKinds.length > 0
    await syncContributionOffer(trx, edition.id, invitee.id, offers ? { kinds: input.contributionKinds, name: invitee.firstName, description: input.contributionText } : null, now)

    // Seats may have come free (a "no", fewer guests, a waiting person's change): the waiting list
    // moves up in order. Running it after every change also catches a capacity raised by staff.
    // Each promotion takes a seat at least, so only the head of the list can move up.
    const seatsAfter = othersSeats + (place === 'confirmed' ? seatsOf(input) : 0)
    const free = edition.capacity - seatsAfter
    const promoted = free > 0 ? promotions(await waitingList(trx, edition.id, free), seatsAfter, edition.capacity) : []
    await confirmPlaces(trx, edition.id, promoted, now)
    const finalPlace = promoted.includes(invitee.id) ? 'confirmed' : place

    // What was answered and where it stands, never the needs, names or texts themselves.
    const entry = { municipalityId: edition.municipalityId, actor, record: { type: 'invitee', id: invitee.id }, details: { attending: input.attending, place: finalPlace, channel } }
    if (before) await recordAudit(trx, { ...entry, action: 'reply.changed' })
    else await recordAudit(trx, { ...entry, action: 'reply.saved' })
    for (const id of promoted) {
      await recordAudit(trx, { municipalityId: edition.municipalityId, actor, action: 'reply.promoted', record: { type: 'invitee', id } })
    }
    // The person who answered hears it in the confirmation; the others are told a place came free.
    await queueInviteeMessages(trx, config, { editionId: edition.id, inviteeIds: [invitee.id], kind: 'confirmation', occasion: String(now.getTime()) }, now)
    const others = promoted.filter((id) => id !== invitee.id)
    if (others.length > 0) await queueInviteeMessages(trx, config, { editionId: edition.id, inviteeIds: others, kind: 'promoted', occasion: 'waitlist' }, now)
    return { changed: true, place: finalPlace, promoted: others }
  })
}

/** The same answer, so a double click or the back button changes nothing. */
export function sameAnswer(before: StoredReply, input: ReplyInput, channel: ReplyChannel): boolean {
  return before.channel === channel && JSON.stringify(canonical(before)) === JSON.stringify(canonical(input))
}

function canonical(r: ReplyInput) {
  const n = r.needs
  return [
    r.attending,
    r.nextTime,
    r.adults,
    r.children,
    [n.wheelchair, n.interpreter, n.signLanguage, n.childcare, n.halal, n.vegetarian, n.vegan, n.allergies, n.noHandshake],
    r.phoneticName,
    [r.consents.photo, r.consents.groupPhoto, r.consents.publication, r.consents.childrenPhoto],
    [...r.interests].sort(),
    [...r.contributionKinds].sort(),
    r.contributionText,
  ]
}
