// Calendar dates and clock times as people in Flanders mean them: in Brussels time, whatever the
// server's time zone. A date is 'YYYY-MM-DD' text (no time, no zone); a moment is a Date.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const DAY_MS = 86400_000

/** A real calendar date written as YYYY-MM-DD (so not 2026-02-30). */
export function isDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** A clock time written as HH:MM (24 hours). */
export function isTime(value: string): boolean {
  return TIME.test(value)
}

export function addDays(date: string, days: number): string {
  const m = DATE.exec(date)!
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

function brusselsParts(moment: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(moment).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

/** The date in Brussels at a moment. */
export function brusselsDate(moment: Date): string {
  return brusselsParts(moment).date
}

/** The clock time in Brussels at a moment, HH:MM. */
export function brusselsTime(moment: Date): string {
  return brusselsParts(moment).time
}

/**
 * The moment a Brussels date and time stand for. A time that the clock change skips or repeats
 * (02:30 on the last Sunday of March or October) becomes one of the moments an hour apart around
 * it: nothing Welkom plans happens at that hour.
 */
export function fromBrussels(date: string, time: string): Date {
  const wanted = Date.parse(`${date}T${time}:00Z`)
  let guess = wanted
  for (let i = 0; i < 3; i++) {
    const shown = brusselsParts(new Date(guess))
    const shownMs = Date.parse(`${shown.date}T${shown.time}:00Z`)
    if (shownMs === wanted) return new Date(guess)
    guess += wanted - shownMs
  }
  return new Date(guess)
}
