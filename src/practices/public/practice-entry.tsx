// One municipality under "Deze praktijk in": its own line, since when / how often, and a contact.
// A missing line or contact is said out loud rather than hidden, so the gap is visible (and the
// municipality sees what to complete).
import { isEmail } from '../../platform/http/forms.ts'
import type { PageContext } from '../../platform/views/context.ts'
import { paths } from '../../paths.ts'
import type { PracticeEntry } from '../practices.ts'
import { isWebUrl, Paragraphs, telHref } from './public-components.tsx'

export function EntryItem({ ctx, entry }: { ctx: PageContext; entry: PracticeEntry }) {
  const { t } = ctx
  const hasContact = Boolean(entry.contactName || entry.contactEmail || entry.contactPhone || entry.website)
  return (
    <li class="practice-entry">
      <h3 class="practice-entry__name">
        <a href={paths.practiceMunicipality(entry.nisCode)}>{entry.municipalityName}</a>
      </h3>
      {entry.blurb ? <Paragraphs text={entry.blurb} /> : <p class="practice-entry__missing">{t('practices.entry.noBlurb')}</p>}
      <dl class="practice-entry__facts">
        {entry.since && (
          <div>
            <dt>{t('practices.entry.since')}</dt>
            <dd>{entry.since}</dd>
          </div>
        )}
        <div>
          <dt>{t('practices.entry.contact')}</dt>
          <dd>{hasContact ? <Contact ctx={ctx} entry={entry} /> : <span class="practice-entry__missing">{t('practices.entry.noContact')}</span>}</dd>
        </div>
      </dl>
    </li>
  )
}

function Contact({ ctx, entry }: { ctx: PageContext; entry: PracticeEntry }) {
  const { t } = ctx
  return (
    <ul class="plain-list practice-entry__contact">
      {entry.contactName && <li>{entry.contactName}</li>}
      {entry.contactEmail && (
        <li>
          {t('practices.entry.email')} {isEmail(entry.contactEmail) ? <a href={`mailto:${entry.contactEmail}`}>{entry.contactEmail}</a> : entry.contactEmail}
        </li>
      )}
      {entry.contactPhone && (
        <li>
          {t('practices.entry.phone')} <a href={telHref(entry.contactPhone)}>{entry.contactPhone}</a>
        </li>
      )}
      {entry.website && (
        <li>
          {t('practices.entry.website')} {isWebUrl(entry.website) ? <a href={entry.website}>{entry.website}</a> : entry.website}
        </li>
      )}
    </ul>
  )
}
