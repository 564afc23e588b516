// The demo municipalities and people (demo mode only). One password for all, printed at start.
import type { Role } from '../accounts/accounts.ts'

export const DEMO_PASSWORD = 'welkom-demo-2026'

export const DEMO_MUNICIPALITIES = [
  { nisCode: '13025', name: 'Mol', themeColor: '#1d4f91', contactEmail: 'onthaal@mol.example', contactPhone: '+3214330800', website: 'https://www.gemeentemol.be' },
  { nisCode: '12025', name: 'Mechelen', themeColor: '#8a1538', contactEmail: 'samenleven@mechelen.example', contactPhone: '+3215297000', website: 'https://www.mechelen.be' },
  { nisCode: '12035', name: 'Sint-Katelijne-Waver', themeColor: '#2e6b30', contactEmail: 'welzijn@skw.example', contactPhone: '+3215310600', website: 'https://www.sint-katelijne-waver.be' },
] as const

export interface DemoUser {
  email: string
  name: string
  role: Role
  nisCode: string | null
  /** Shown next to the address on the sign-in page and at start-up. */
  label: string
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'beheer@welkom.example', name: 'Platformbeheer', role: 'platform_admin', nisCode: null, label: 'platformbeheerder' },
  { email: 'redactie@welkom.example', name: 'Rik Redactie', role: 'practice_editor', nisCode: null, label: 'redacteur praktijkendatabank' },
  { email: 'admin@mol.example', name: 'Annelies Peeters', role: 'municipality_admin', nisCode: '13025', label: 'beheerder Mol' },
  { email: 'medewerker@mol.example', name: 'Jonas Janssens', role: 'staff', nisCode: '13025', label: 'integratieambtenaar Mol' },
  { email: 'admin@mechelen.example', name: 'Fatima El Amrani', role: 'municipality_admin', nisCode: '12025', label: 'beheerder Mechelen' },
  { email: 'medewerker@mechelen.example', name: 'Pieter Claes', role: 'staff', nisCode: '12025', label: 'integratieambtenaar Mechelen' },
  { email: 'admin@skw.example', name: 'Sofie Wouters', role: 'municipality_admin', nisCode: '12035', label: 'beheerder Sint-Katelijne-Waver' },
  { email: 'medewerker@skw.example', name: 'Youssef Benali', role: 'staff', nisCode: '12035', label: 'integratieambtenaar Sint-Katelijne-Waver' },
]
