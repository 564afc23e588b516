// The deletion receipts of an edition: the page (when the data goes, or what went) and each
// receipt as a PDF. A receipt holds counts, no personal data, so looking at it is not audited;
// another municipality gets a 404 like on every edition route.
import type { FastifyInstance } from 'fastify'
import { requireEdition } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { purgeDate } from '../purge.ts'
import { purgeReceipts } from '../purge-queries.ts'
import { ReceiptsPage } from './receipt-page.tsx'
import { receiptFilename, receiptHtml } from './receipt-pdf.tsx'

type Params = { Params: { id: string } }
type ReceiptParams = { Params: { id: string; receiptId: string } }

export function purgeReceiptRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/verwijderbewijs', async (request, reply) => {
    const { scope, edition } = await requireEdition(db, request, request.params.id)
    const receipts = await purgeReceipts(db, scope, edition.id)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ReceiptsPage ctx={ctx} edition={edition} dueOn={purgeDate(edition)} receipts={receipts} />)
  })

  app.get<ReceiptParams>('/edities/:id/verwijderbewijs/:receiptId.pdf', async (request, reply) => {
    const { scope, edition } = await requireEdition(db, request, request.params.id)
    const receipt = (await purgeReceipts(db, scope, edition.id)).find((r) => r.id === request.params.receiptId)
    if (!receipt) throw new NotFound('purge receipt')
    const pdf = await services.pdf.render(receiptHtml(edition, receipt, purgeDate(edition), new Date()))
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${receiptFilename(receipt)}"`).header('cache-control', 'private, no-store').send(pdf)
  })
}
