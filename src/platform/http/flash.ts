// One-shot messages after a redirect ("Saved."), kept in a signed cookie.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Flash } from '../views/context.ts'

const COOKIE = 'welkom_flash'

export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(COOKIE, JSON.stringify(flash), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 })
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[COOKIE]
  if (!raw) return null
  reply.clearCookie(COOKIE, { path: '/' })
  const unsigned = request.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return null
  try {
    const flash = JSON.parse(unsigned.value) as Flash
    return flash.kind === 'success' || flash.kind === 'info' ? flash : null
  } catch {
    return null
  }
}
