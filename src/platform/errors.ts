// Domain errors carry a code, not an HTTP status; the app's error handler maps them once.

/** The record does not exist, or belongs to another municipality (never say which). */
export class NotFound extends Error {
  readonly code = 'not_found'
  constructor(what = 'record') {
    super(`${what} not found`)
  }
}

/** Signed in, but this role may not do this. */
export class Forbidden extends Error {
  readonly code = 'forbidden'
  constructor() {
    super('forbidden')
  }
}

/** Not signed in: the shell redirects to the sign-in page. */
export class SignInRequired extends Error {
  readonly code = 'sign_in_required'
  constructor() {
    super('sign-in required')
  }
}

/** The edition's personal data was purged: nobody can be added to it any more. */
export class EditionPurged extends Error {
  readonly code = 'edition_purged'
  constructor() {
    super('edition purged')
  }
}

/** Too many attempts at something guessable; try again after `retryAfterSeconds`. */
export class TooManyRequests extends Error {
  readonly code = 'too_many_requests'
  constructor(readonly retryAfterSeconds: number) {
    super('too many requests')
  }
}
