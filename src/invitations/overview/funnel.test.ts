// The funnel's rules on grouped counts: who counts as reached, why someone was not, and how the
// stages, the breakdowns by language and channel, and the seats add up.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { funnelByLanguage, funnelOf, isReached, needsAnotherChannel, notReachedReason, reachByChannel, repliesByChannel, share, type PeopleGroup, type ReachFacts } from './funnel.ts'

const NOTHING: ReachFacts = { emailDelivered: false, emailFailed: false, smsSent: false, smsFailed: false, letterPrinted: false, letterReturned: false, replied: false }

function group(overrides: Partial<PeopleGroup> = {}): PeopleGroup {
  return { ...NOTHING, language: 'nl', attending: null, place: null, replyChannel: null, people: 1, adults: 0, children: 0, ...overrides }
}

describe('who counts as reached', () => {
  test('an e-mail not failed, a text message sent, or a letter printed and not returned reaches a person', () => {
    assert.equal(isReached({ ...NOTHING, emailDelivered: true }), true)
    assert.equal(isReached({ ...NOTHING, smsSent: true }), true)
    assert.equal(isReached({ ...NOTHING, letterPrinted: true }), true)
    assert.equal(isReached({ ...NOTHING, letterPrinted: true, letterReturned: true }), false)
    assert.equal(isReached({ ...NOTHING, emailFailed: true, smsFailed: true }), false)
    assert.equal(isReached(NOTHING), false)
  })

  test('an answer proves a person was reached, even after a returned letter', () => {
    assert.equal(isReached({ ...NOTHING, letterPrinted: true, letterReturned: true, replied: true }), true)
    assert.equal(notReachedReason({ ...NOTHING, letterReturned: true, replied: true }), null)
  })

  test('the reason names a returned letter first, then a failed e-mail, then a failed text message; nothing sent is "not yet"', () => {
    assert.equal(notReachedReason({ ...NOTHING, letterPrinted: true, letterReturned: true, emailFailed: true }), 'letter_returned')
    assert.equal(notReachedReason({ ...NOTHING, emailFailed: true, smsFailed: true }), 'email_failed')
    assert.equal(notReachedReason({ ...NOTHING, smsFailed: true }), 'sms_failed')
    assert.equal(notReachedReason(NOTHING), 'not_yet')
  })

  test('another channel is needed only when something sent did not arrive and nothing else did', () => {
    assert.equal(needsAnotherChannel({ ...NOTHING, letterPrinted: true, letterReturned: true }), true)
    assert.equal(needsAnotherChannel({ ...NOTHING, emailFailed: true }), true)
    assert.equal(needsAnotherChannel({ ...NOTHING, emailFailed: true, letterPrinted: true }), false, 'the letter reached them')
    assert.equal(needsAnotherChannel(NOTHING), false, 'nothing was sent yet: not a failure')
  })
})

describe('the funnel', () => {
  const groups = [
    group({ people: 10, letterPrinted: true }),
    group({ people: 3, letterPrinted: true, letterReturned: true }),
    group({ people: 2, emailFailed: true }),
    group({ people: 5 }),
    group({ people: 4, emailDelivered: true, replied: true, attending: 'yes', place: 'confirmed', replyChannel: 'web', adults: 3, children: 2 }),
    group({ people: 2, smsSent: true, replied: true, attending: 'yes', place: 'waiting', replyChannel: 'phone', adults: 1, children: 0 }),
    group({ people: 6, letterPrinted: true, replied: true, attending: 'no', replyChannel: 'letter' }),
    group({ people: 1, letterPrinted: true, replied: true, attending: 'maybe', replyChannel: 'desk' }),
  ]

  test('counts each stage of the invited, with people, guests and seats of those coming and waiting', () => {
    const funnel = funnelOf(groups)
    assert.equal(funnel.invited, 33)
    assert.equal(funnel.reached, 23)
    assert.equal(funnel.replied, 13)
    assert.deepEqual(funnel.coming, { people: 4, adults: 3, children: 2, seats: 9 })
    assert.deepEqual(funnel.waiting, { people: 2, adults: 1, children: 0, seats: 3 })
    assert.equal(funnel.notComing, 6)
    assert.equal(funnel.notSure, 1)
    assert.deepEqual(funnel.notReached, { total: 10, letter_returned: 3, email_failed: 2, sms_failed: 0, not_yet: 5 })
  })

  test('an empty edition has a funnel of zeros, and a share of nothing is null rather than a division by zero', () => {
    const funnel = funnelOf([])
    assert.equal(funnel.invited, 0)
    assert.equal(funnel.coming.seats, 0)
    assert.equal(share(0, 0), null)
    assert.equal(share(1, 4), 0.25)
  })

  test('by language, the largest group comes first and people without a known language last', () => {
    const rows = funnelByLanguage([group({ language: null, people: 9 }), group({ language: 'ar', people: 2 }), group({ language: 'ar', people: 3, replied: true, attending: 'no' }), group({ language: 'en', people: 1 })])
    assert.deepEqual(
      rows.map((r) => [r.language, r.funnel.invited, r.funnel.replied]),
      [
        ['ar', 5, 3],
        ['en', 1, 0],
        [null, 9, 0],
      ],
    )
  })

  test('by channel, a person reached by letter and e-mail counts for both; failures count per channel', () => {
    const rows = reachByChannel([group({ people: 2, letterPrinted: true, emailDelivered: true, replied: true, attending: 'yes', place: 'confirmed' }), group({ people: 3, letterPrinted: true, letterReturned: true, emailFailed: true })])
    assert.deepEqual(rows, [
      { channel: 'email', reached: 2, replied: 2, coming: 2, failed: 3 },
      { channel: 'sms', reached: 0, replied: 0, coming: 0, failed: 0 },
      { channel: 'letter', reached: 2, replied: 2, coming: 2, failed: 3 },
    ])
  })

  test('answers are counted by the channel they came in on', () => {
    const rows = repliesByChannel(groups)
    assert.deepEqual(
      rows.map((r) => [r.channel, r.replies, r.coming, r.waiting, r.notComing, r.notSure]),
      [
        ['web', 4, 4, 0, 0, 0],
        ['phone', 2, 0, 2, 0, 0],
        ['letter', 6, 0, 0, 6, 0],
        ['desk', 1, 0, 0, 0, 1],
      ],
    )
  })
})
