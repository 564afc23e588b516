// A generated list of people to honour for the import benchmark, in the one-file shape the
// municipalities send (the headers, separator and BOM of the attesten sample): names with accents
// from many origins, Flemish addresses, dates as dd/mm/yyyy, some e-mail addresses and phone
// numbers in mixed notations, and national numbers with a valid checksum. Deterministic (seeded),
// so runs compare; written line by line, so generating 100,000 rows holds no list in memory.
import { once } from 'node:events'
import { random } from './generate-practices.ts'
import { createWriteStream } from 'node:fs'

const HEADER = ['Rijksregisternummer', 'Naam', 'Voornaam', 'Geslacht', 'Geboortedatum', 'Nationaliteit', 'Straat', 'Huisnummer', 'Bus', 'Postcode', 'Gemeente', 'E-mailadres', 'GSM', 'Contacttaal', 'Datum attest', 'Soort attest', 'Trajectbegeleider']

const LAST_NAMES = ['Haddad', 'Durrani', 'Popescu', 'Tshibanda', 'Çelik', 'Nowak', 'Kowalczyk', 'Yılmaz', 'Mohammadi', 'Hosseini', 'Tesfaye', 'Gebremedhin', 'Abdi', 'Warsame', 'Petrenko', 'Shevchenko', 'Ivanova', 'García', 'Gonçalves', 'Ferreira', 'Nguyễn', 'Al-Masri', 'Benali', 'El Idrissi', 'Öztürk', 'Dąbrowski', 'Kamiński', 'Mukendi', 'Ilunga', 'Ahmadzai', 'Rahimi', 'Sánchez', 'Müller', 'Văn Thành', 'Chávez', 'Ndiaye', 'Diallo', 'Kovačević', 'Horváth', 'Ramírez']
const FIRST_NAMES = ['Omar', 'Wahid', 'Ioana', 'Héritier', 'Zeynep', 'Agnieszka', 'Łukasz', 'Mehmet', 'Fatemeh', 'Reza', 'Selam', 'Yonas', 'Hodan', 'Ayaan', 'Oksana', 'Dmytro', 'Anastasia', 'José', 'João', 'Inês', 'Thị Mai', 'Nour', 'Yasmina', 'Karim', 'Ayşe', 'Zoë', 'Chloé', 'Amélie', 'Gabrielė', 'Björn', 'Søren', 'René', 'Noémie', 'Aïcha', 'Fatoumata', 'Mamadou', 'Élodie', 'Jürgen', 'Mariam', 'Ali']
const NATIONALITIES = ['Syrische', 'Afghaanse', 'Roemeense', 'Congolese (DRC)', 'Turkse', 'Poolse', 'Iraanse', 'Eritrese', 'Somalische', 'Oekraïense', 'Spaanse', 'Portugese', 'Vietnamese', 'Marokkaanse', 'Guinese']
const STREETS = ['Zandstraat', 'Molenstraat', 'Nieuwstraat', 'Lemanstraat', 'Kerkstraat', 'Stationsstraat', 'Dorpsstraat', 'Schoolstraat', 'Kapelstraat', 'Beekstraat', 'Heidestraat', 'Boomgaardstraat', 'Sint-Jozefstraat', 'Hoogstraat', 'Veldstraat', 'Astridlaan', 'Koning Albertstraat', 'Gasthuisstraat', 'Prinsenhof', 'Begijnenvest']
const PLACES: [string, string][] = [['2200', 'Herentals'], ['2400', 'Mol'], ['2440', 'Geel'], ['2860', 'Sint-Katelijne-Waver'], ['2800', 'Mechelen'], ['3300', 'Tienen'], ['2260', 'Westerlo'], ['2300', 'Turnhout'], ['3000', 'Leuven'], ['9000', 'Gent']]
const LANGUAGES = ['ar', 'ps', 'ro', 'fr', 'tr', 'pl', 'fa', 'ti', 'so', 'uk', 'es', 'pt', 'en', 'Arabisch', 'prs', 'vi', 'ru']
const COACHES = ['Sofie Peeters', 'Jan Janssens', 'Nadia Boukhari', 'Pieter Maes', 'Lotte De Smet', 'Youssef El Amrani']
const DOMAINS = ['hotmail.com', 'gmail.com', 'outlook.be', 'telenet.be', 'skynet.be']


const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A valid national number "yy.mm.dd-sss.cc" for a birth date and serial (mod 97, 2000+ rule). */
export function nationalNumber(year: number, month: number, day: number, serial: number): string {
  const base = Number(`${pad(year % 100)}${pad(month)}${pad(day)}${pad(serial, 3)}`)
  const check = 97 - ((year >= 2000 ? 2_000_000_000 + base : base) % 97)
  return `${pad(year % 100)}.${pad(month)}.${pad(day)}-${pad(serial, 3)}.${pad(check)}`
}

export interface GeneratedList {
  rows: number
  bytes: number
}

/** Writes `rows` people to `file` (UTF-8 with BOM, ';'), certificates dated within `year`. */
export async function generateInviteeList(file: string, options: { rows: number; year?: number; seed?: number }): Promise<GeneratedList> {
  const next = random(options.seed ?? 2026)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const year = options.year ?? 2026
  const out = createWriteStream(file)
  let bytes = 0
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line)
    if (!out.write(line)) await once(out, 'drain')
  }
  await write(`\uFEFF${HEADER.join(';')}\r\n`)
  const used = new Set<string>()
  for (let i = 0; i < options.rows; i++) {
    const birthYear = 1950 + Math.floor(next() * 58)
    const month = 1 + Math.floor(next() * 12)
    const day = 1 + Math.floor(next() * 28)
    let serial = 1 + Math.floor(next() * 996)
    let number = nationalNumber(birthYear, month, day, serial)
    // One number per person: on a clash take the next serial, as the register does.
    while (used.has(number)) number = nationalNumber(birthYear, month, day, (serial = (serial % 996) + 1))
    used.add(number)
    const last = pick(LAST_NAMES)
    const first = pick(FIRST_NAMES)
    const [postcode, city] = pick(PLACES)
    const email = next() < 0.4 ? `${ascii(first)}.${ascii(last)}${i}@${pick(DOMAINS)}` : ''
    const phoneDigits = `4${70 + Math.floor(next() * 30)}${pad(Math.floor(next() * 1_000_000), 6)}`
    const phone = next() < 0.6 ? pick([`0${phoneDigits}`, `+32${phoneDigits}`, `0032${phoneDigits}`, `+32 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3, 5)} ${phoneDigits.slice(5, 7)} ${phoneDigits.slice(7)}`]) : ''
    const certificate = `${pad(1 + Math.floor(next() * 28))}/${pad(1 + Math.floor(next() * 12))}/${year}`
    const cells = [
      number, last, first, next() < 0.5 ? 'M' : 'V', `${pad(day)}/${pad(month)}/${birthYear}`, pick(NATIONALITIES),
      pick(STREETS), String(1 + Math.floor(next() * 250)) + (next() < 0.1 ? 'A' : ''), next() < 0.1 ? String(1 + Math.floor(next() * 9)) : '', postcode, city,
      email, phone, pick(LANGUAGES), certificate, 'Inburgeringsattest', pick(COACHES),
    ]
    await write(`${cells.join(';')}\r\n`)
  }
  out.end()
  await once(out, 'finish')
  return { rows: options.rows, bytes }
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase()
}
