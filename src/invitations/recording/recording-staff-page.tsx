// How a person says their own name, for staff and the speaker who reads the names out: the
// recording (if the person made one) next to the spelling they typed with sound-alike words.
import type { Edition } from '../../editions/editions.ts'
import { Button, Form, SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { NameSound } from './recording-queries.ts'

export function RecordingStaffPage({ ctx, edition, person, audioUrl }: { ctx: PageContext; edition: Edition; person: NameSound; audioUrl: string }) {
  const { t } = ctx
  const name = t('recording-staff.fullName', { first: person.firstName, last: person.lastName })
  return (
    <Layout ctx={ctx} title={t('recording-staff.title', { name })}>
      <div class="narrow">
        <p class="hint">{edition.name}</p>
        <h1>{t('recording-staff.title', { name })}</h1>
        <p class="lead">{t('recording-staff.intro')}</p>
        <SummaryList
          rows={[
            { key: t('recording-staff.name'), value: name },
            { key: t('recording-staff.phonetic'), value: person.phoneticName ?? t('recording-staff.noPhonetic') },
          ]}
        />
        <h2>{t('recording-staff.recording')}</h2>
        {person.recording ? (
          <>
            <p>{t('recording-staff.recordedAt', { date: ctx.formatDateTime(person.recording.createdAt) })}</p>
            <audio controls preload="none" src={audioUrl} aria-label={t('recording-staff.player', { name })}>
              <a href={audioUrl}>{t('recording-staff.download')}</a>
            </audio>
            <p class="hint">{t('recording-staff.audited')}</p>
            <Form ctx={ctx} action={paths.inviteeRecordingDelete(edition.id, person.inviteeId)}>
              <p class="hint">{t('recording-staff.deleteHint')}</p>
              <Button variant="secondary">{t('recording-staff.delete')}</Button>
            </Form>
          </>
        ) : (
          <p>{t('recording-staff.none')}</p>
        )}
        <p>
          <a href={paths.invitee(edition.id, person.inviteeId)}>{t('recording-staff.backToPerson')}</a>
        </p>
      </div>
    </Layout>
  )
}
