// Every URL the app serves, built in one place (never by string concatenation in pages).
const enc = encodeURIComponent

export const paths = {
  home: () => '/',
  signIn: (returnTo?: string) => (returnTo && returnTo !== '/' ? `/aanmelden?terug=${enc(returnTo)}` : '/aanmelden'),
  signInCode: () => '/aanmelden/code',
  signOut: () => '/afmelden',
  forgotPassword: () => '/wachtwoord-vergeten',
  resetPassword: (token: string) => `/wachtwoord-herstellen/${enc(token)}`,
  account: () => '/account',
  accountSignOutEverywhere: () => '/account/overal-afmelden',
  secondFactor: () => '/account/tweestapsverificatie',
  secondFactorDisable: () => '/account/tweestapsverificatie/uitzetten',
  language: () => '/taal',
  staff: () => '/beheer/medewerkers',
  staffNew: () => '/beheer/medewerkers/nieuw',
  staffMember: (id: string) => `/beheer/medewerkers/${enc(id)}`,
  staffPasswordLink: (id: string) => `/beheer/medewerkers/${enc(id)}/wachtwoordlink`,
  staffSecondFactorReset: (id: string) => `/beheer/medewerkers/${enc(id)}/tweestapsverificatie-uitzetten`,
  municipalitySettings: () => '/beheer/gemeente',
  municipalities: () => '/beheer/gemeenten',
  municipalityNew: () => '/beheer/gemeenten/nieuw',
  theme: (municipalityId: string) => `/thema/${enc(municipalityId)}.css`,
  logo: (municipalityId: string) => `/gemeente/${enc(municipalityId)}/logo`,
  audit: () => '/beheer/audit',
  auditExport: () => '/beheer/audit/export.csv',
  jobs: () => '/beheer/taken',
  jobRetry: (id: string) => `/beheer/taken/${enc(id)}/opnieuw`,
  outbox: () => '/beheer/uitgaande-post',
  outboxMessage: (id: string) => `/beheer/uitgaande-post/${enc(id)}`,
  apiTokens: () => '/beheer/api-sleutels',
  apiTokenRevoke: (id: string) => `/beheer/api-sleutels/${enc(id)}/intrekken`,
  openapi: () => '/api/openapi.json',
  // The practice database (public)
  practices: () => '/praktijken',
  practice: (slug: string) => `/praktijken/${enc(slug)}`,
  practiceMunicipality: (nisCode: string) => `/praktijken/gemeente/${enc(nisCode)}`,
  practiceImage: (imageId: string) => `/praktijken/afbeelding/${enc(imageId)}`,
  practicesFeed: () => '/praktijken/feed.xml',
  sitemap: () => '/sitemap.xml',
  apiPractices: () => '/api/v1/practices',
  apiPractice: (slug: string) => `/api/v1/practices/${enc(slug)}`,
  // Contributing
  practiceSubmit: () => '/praktijken/indienen',
  practiceChangeRequest: (slug: string) => `/praktijken/${enc(slug)}/wijziging`,
  submissionConfirm: (token: string) => `/praktijken/bevestigen/${enc(token)}`,
  entryEdit: (slug: string) => `/praktijken/${enc(slug)}/onze-gemeente`,
  // Editorial work (practice editors)
  editorial: () => '/redactie',
  editorialSubmission: (id: string) => `/redactie/voorstellen/${enc(id)}`,
  editorialPractice: (id: string) => `/redactie/praktijken/${enc(id)}`,
  editorialHistory: (id: string) => `/redactie/praktijken/${enc(id)}/versies`,
  editorialIncomplete: () => '/redactie/onvolledig',
  // Editions (planning a ceremony)
  editions: () => '/edities',
  editionNew: (fromEditionId?: string) => (fromEditionId ? `/edities/nieuw?van=${enc(fromEditionId)}` : '/edities/nieuw'),
  edition: (id: string) => `/edities/${enc(id)}`,
  editionEdit: (id: string) => `/edities/${enc(id)}/bewerken`,
  editionStatus: (id: string) => `/edities/${enc(id)}/status`,
  editionPracticeEntry: (id: string) => `/edities/${enc(id)}/praktijkpagina`,
  // The playbook
  editionTasks: (id: string) => `/edities/${enc(id)}/draaiboek`,
  editionTask: (id: string, taskId: string) => `/edities/${enc(id)}/draaiboek/${enc(taskId)}`,
  editionTaskNew: (id: string) => `/edities/${enc(id)}/draaiboek/nieuw`,
  myTasks: () => '/mijn-taken',
  playbookTemplate: () => '/beheer/draaiboek',
  editionCalendar: (id: string) => `/edities/${enc(id)}/agenda`,
  calendarFeed: (token: string) => `/agenda/${enc(token)}.ics`,
  // The programme
  editionProgramme: (id: string) => `/edities/${enc(id)}/programma`,
  programmeItem: (id: string, itemId: string) => `/edities/${enc(id)}/programma/${enc(itemId)}`,
  programmeItemNew: (id: string) => `/edities/${enc(id)}/programma/nieuw`,
  runSheet: (id: string) => `/edities/${enc(id)}/programma.pdf`,
  // Partners, info market and contributions
  partners: () => '/beheer/partners',
  partnerNew: () => '/beheer/partners/nieuw',
  partner: (id: string) => `/beheer/partners/${enc(id)}`,
  editionStands: (id: string) => `/edities/${enc(id)}/infomarkt`,
  editionStand: (id: string, standId: string) => `/edities/${enc(id)}/infomarkt/${enc(standId)}`,
  partnerStand: (token: string) => `/partner/${enc(token)}`,
  editionContributions: (id: string) => `/edities/${enc(id)}/bijdragen`,
  editionContribution: (id: string, contributionId: string) => `/edities/${enc(id)}/bijdragen/${enc(contributionId)}`,
  // Invitees
  editionInvitees: (id: string) => `/edities/${enc(id)}/genodigden`,
  invitee: (id: string, inviteeId: string) => `/edities/${enc(id)}/genodigden/${enc(inviteeId)}`,
  inviteeAccessExport: (id: string, inviteeId: string) => `/edities/${enc(id)}/genodigden/${enc(inviteeId)}/gegevens.json`,
  inviteeErase: (id: string, inviteeId: string) => `/edities/${enc(id)}/genodigden/${enc(inviteeId)}/wissen`,
  inviteesExport: (id: string, format: 'csv' | 'xlsx') => `/edities/${enc(id)}/genodigden.${format}`,
  inviteeNew: (id: string) => `/edities/${enc(id)}/genodigden/nieuw`,
  inviteeEdit: (id: string, inviteeId: string) => `/edities/${enc(id)}/genodigden/${enc(inviteeId)}/bewerken`,
  inviteeExclusion: (id: string, inviteeId: string) => `/edities/${enc(id)}/genodigden/${enc(inviteeId)}/uitsluiting`,
  inviteesBulk: (id: string) => `/edities/${enc(id)}/genodigden/bulk`,
  // Working on the list as a whole: households, selection under capacity, carry-over
  editionHouseholds: (id: string) => `/edities/${enc(id)}/huishoudens`,
  editionSelection: (id: string) => `/edities/${enc(id)}/selectie`,
  editionCarryOver: (id: string) => `/edities/${enc(id)}/overnemen`,
  editionPurgeReceipts: (id: string) => `/edities/${enc(id)}/verwijderbewijs`,
  editionPurgeReceiptPdf: (id: string, receiptId: string) => `/edities/${enc(id)}/verwijderbewijs/${enc(receiptId)}.pdf`,
  // Invitee import (the wizard: upload → mapping → preview → commit)
  inviteeImport: (id: string) => `/edities/${enc(id)}/inlezen`,
  inviteeImportStep: (id: string, uploadId: string) => `/edities/${enc(id)}/inlezen/${enc(uploadId)}`,
  inviteeImportPreview: (id: string, uploadId: string) => `/edities/${enc(id)}/inlezen/${enc(uploadId)}/controle`,
  inviteeImportCommit: (id: string, uploadId: string) => `/edities/${enc(id)}/inlezen/${enc(uploadId)}/inlezen`,
  inviteeImportCancel: (id: string, uploadId: string) => `/edities/${enc(id)}/inlezen/${enc(uploadId)}/annuleren`,
  inviteeImportResult: (id: string) => `/edities/${enc(id)}/inlezen/resultaat`,
  inviteeImportRun: (id: string, importId: string) => `/edities/${enc(id)}/inlezen/verwerking/${enc(importId)}`,
  inviteeImportRunStatus: (id: string, importId: string) => `/edities/${enc(id)}/inlezen/verwerking/${enc(importId)}/status.json`,
}

/** Adds query parameters to a path, leaving out empty ones. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}
