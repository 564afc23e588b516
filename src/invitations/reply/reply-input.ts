// Reading a posted answer beyond parseReply: the messages that need the edition's numbers, and a
// late answer read only to be shown back to the person.
import { text } from '../../platform/http/forms.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { parseReply, type ReplyInput } from '../reply.ts'

/** The guests message names the edition's limit, so the person knows what to change. */
export function replyErrors(errors: FieldError[], guestsPerInvitee: number): FieldError[] {
  return errors.map((e) => (e.message === 'reply.error.tooManyGuests' ? { ...e, values: { max: guestsPerInvitee } } : e))
}

/**
 * What a refused late answer said: the answer itself when it reads as one (any number of guests,
 * since it is only shown), else the words the person typed, so that nothing typed is lost.
 */
export function refusedAnswer(body: unknown, standIds: string[]): { input: ReplyInput | null; texts: string[] } {
  const parsed = parseReply(body, { guestsPerInvitee: 99 * 2, standIds })
  if (parsed.ok) return { input: parsed.value, texts: [] }
  return { input: null, texts: ['phoneticName', 'allergies', 'contributionText'].map((name) => text(body, name)).filter(Boolean) }
}
