import type { FormState, PageContext } from '../platform/views/context.ts'
import { Button, EmptyState, ErrorSummary, Field, Form, Table, Tag } from '../platform/views/components.tsx'
import { Layout } from '../platform/views/layout.tsx'
import { paths } from '../paths.ts'
import { displayPrefix } from './api-tokens.ts'
import type { ApiTokenSummary } from './api-tokens-queries.ts'

export function ApiTokensPage({ ctx, tokens, form }: { ctx: PageContext; tokens: ApiTokenSummary[]; form: FormState }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('api.title')} hasErrors={form.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <h1>{t('api.title')}</h1>
      <p>{t('api.intro')}</p>
      <p>
        {t('api.documentation')} <a href={paths.openapi()}>{paths.openapi()}</a>
      </p>
      <h2>{t('api.list.title')}</h2>
      {tokens.length === 0 ? (
        <EmptyState title={t('api.list.empty')} />
      ) : (
        <Table
          caption={t('api.list.caption')}
          columns={[
            { header: t('api.list.name'), cell: (token: ApiTokenSummary) => token.name },
            { header: t('api.list.prefix'), cell: (token) => <code>{displayPrefix(token.prefix)}</code> },
            { header: t('api.list.createdAt'), cell: (token) => ctx.formatDateTime(token.createdAt) },
            { header: t('api.list.createdBy'), cell: (token) => token.createdByName ?? t('api.list.unknownPerson') },
            { header: t('api.list.lastUsedAt'), cell: (token) => (token.lastUsedAt ? ctx.formatDateTime(token.lastUsedAt) : t('api.list.neverUsed')) },
            { header: t('api.list.status'), cell: (token) => <TokenStatus ctx={ctx} token={token} /> },
            { header: t('api.list.actions'), cell: (token) => (token.revokedAt ? null : <RevokeForm ctx={ctx} token={token} />) },
          ]}
          rows={tokens}
        />
      )}
      <h2>{t('api.new.title')}</h2>
      <div class="narrow">
        <p>{t('api.new.body')}</p>
        <Form ctx={ctx} action={paths.apiTokens()}>
          <Field ctx={ctx} name="name" label="api.new.name" hint="api.new.nameHint" value={form.values.name} errors={form.errors} autocomplete="off" />
          <Button>{t('api.new.submit')}</Button>
        </Form>
      </div>
    </Layout>
  )
}

function TokenStatus({ ctx, token }: { ctx: PageContext; token: ApiTokenSummary }) {
  if (token.revokedAt) return <Tag tone="red">{ctx.t('api.status.revoked', { date: ctx.formatDateTime(token.revokedAt) })}</Tag>
  return <Tag tone="green">{ctx.t('api.status.active')}</Tag>
}

function RevokeForm({ ctx, token }: { ctx: PageContext; token: ApiTokenSummary }) {
  return (
    <Form ctx={ctx} action={paths.apiTokenRevoke(token.id)}>
      <button type="submit" class="button button--warning button--small">
        {ctx.t('api.revoke.submit')}
        <span class="visually-hidden"> {token.name}</span>
      </button>
    </Form>
  )
}

/** Shown once, straight after creating: the only moment the full token exists outside the caller's hands. */
export function ApiTokenCreatedPage({ ctx, name, token, exampleUrl }: { ctx: PageContext; name: string; token: string; exampleUrl: string }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('api.created.title')}>
      <div class="narrow">
        <h1>{t('api.created.title')}</h1>
        <div class="notice notice--warning" role="status">
          <p>
            <strong>{t('api.created.warning')}</strong>
          </p>
        </div>
        <div class="field">
          <label class="field__label" for="field-token">
            {t('api.created.tokenLabel', { name })}
          </label>
          <input class="input input--full secret" id="field-token" type="text" value={token} readOnly spellcheck={false} autocomplete="off" />
        </div>
        <h2>{t('api.created.howTitle')}</h2>
        <p>{t('api.created.how')}</p>
        <pre class="message-body">
          <code>{`Authorization: Bearer <${t('api.created.placeholder')}>`}</code>
        </pre>
        <p>{t('api.created.example')}</p>
        <pre class="message-body">
          <code>{`curl -H "Authorization: Bearer <${t('api.created.placeholder')}>" ${exampleUrl}`}</code>
        </pre>
        <p>
          <a href={paths.apiTokens()}>{t('api.created.back')}</a>
        </p>
      </div>
    </Layout>
  )
}
