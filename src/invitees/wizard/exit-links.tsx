// The way out of the wizard, on every page where it ends: the list (after an import), back to the
// edition, or another list.
import type { PageContext } from '../../platform/views/context.ts'
import { paths } from '../../paths.ts'

export function ExitLinks({ ctx, editionId, toList = false }: { ctx: PageContext; editionId: string; toList?: boolean }) {
  const { t } = ctx
  return (
    <ul>
      {toList && (
        <li>
          <a href={paths.editionInvitees(editionId)}>{t('invitee-import.result.toList')}</a>
        </li>
      )}
      <li>
        <a href={paths.edition(editionId)}>{t('invitee-import.backToEdition')}</a>
      </li>
      <li>
        <a href={paths.inviteeImport(editionId)}>{t('invitee-import.again')}</a>
      </li>
    </ul>
  )
}
