import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBrussels } from '../../platform/calendar.ts'
import { defaultLinkUntil, linkExpiresAt, linkLastDay, linkState, parseLinkRequest, parseStandFill } from './stands.ts'

const now = fromBrussels('2026-03-10', '09:00')

test('a link lasts 30 days by default, or until the ceremony day when that comes sooner', () => {
  assert.equal(defaultLinkUntil(now, fromBrussels('2026-06-01', '19:00')), '2026-04-09')
  assert.equal(defaultLinkUntil(now, fromBrussels('2026-03-20', '19:00')), '2026-03-20')
})

test('a link works until midnight at the end of its last day in Brussels, also across the change to summer time', () => {
  const expires = linkExpiresAt('2026-03-28')
  assert.equal(expires.toISOString(), '2026-03-28T23:00:00.000Z')
  assert.equal(linkLastDay(expires), '2026-03-28')
  assert.equal(linkExpiresAt('2026-03-29').toISOString(), '2026-03-29T22:00:00.000Z')
})

test('after the ceremony no link is made, and a link made before no longer works, whatever its end date says', () => {
  const ceremony = fromBrussels('2026-03-05', '19:00')
  const refused = parseLinkRequest({ until: '2026-03-20' }, { now, ceremonyStartsAt: ceremony })
  assert.equal(refused.ok, false)
  assert.deepEqual(!refused.ok && refused.errors.map((e) => e.message), ['partners.link.ceremonyPast'])
  assert.equal(linkState({ expiresAt: linkExpiresAt('2026-03-20') }, ceremony, now).state, 'expired')
  assert.equal(linkState({ expiresAt: linkExpiresAt('2026-03-20') }, fromBrussels('2026-03-25', '19:00'), now).state, 'valid')
  assert.equal(linkState({ expiresAt: null }, ceremony, now).state, 'none')
})

test('the partner’s offer, tables and power answer are read from the form; the e-mail box only when ticked', () => {
  const fill = parseStandFill({ offer: '  Gratis lidkaart ', tables: '0', needsPower: 'no', notes: '' })
  assert.deepEqual(fill.ok && fill.value, { offer: 'Gratis lidkaart', tables: 0, needsPower: false, notes: null })
  const link = parseLinkRequest({ until: '2026-03-10', sendEmail: 'yes' }, { now, ceremonyStartsAt: fromBrussels('2026-04-01', '19:00') })
  assert.deepEqual(link.ok && link.value, { until: '2026-03-10', sendEmail: true })
})
