import type { FieldError, FormState, PageContext } from '../platform/views/context.ts'
import { Button, ErrorSummary, Field, Form, SummaryList, Table, Tag } from '../platform/views/components.tsx'
import { Layout } from '../platform/views/layout.tsx'
import { paths } from '../paths.ts'

export interface DemoAccounts {
  password: string
  users: { email: string; label: string }[]
}

export function SignInPage({ ctx, state, returnTo, demo }: { ctx: PageContext; state: FormState; returnTo: string; demo: DemoAccounts | null }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('accounts.signIn.title')} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <h1>{t('accounts.signIn.title')}</h1>
        <Form ctx={ctx} action={paths.signIn(returnTo)}>
          <Field ctx={ctx} name="email" type="email" label="accounts.email" value={state.values.email} errors={state.errors} autocomplete="username" spellcheck={false} />
          <Field ctx={ctx} name="password" type="password" label="accounts.password" errors={state.errors} autocomplete="current-password" />
          <Button>{t('accounts.signIn.submit')}</Button>
        </Form>
        <p>
          <a href={paths.forgotPassword()}>{t('accounts.signIn.forgot')}</a>
        </p>
        {demo && (
          <aside class="demo-users" aria-labelledby="demo-users-title">
            <h2 id="demo-users-title">{t('accounts.signIn.demoTitle')}</h2>
            <p>{t('accounts.signIn.demoBody', { password: demo.password })}</p>
            <ul>
              {demo.users.map((u) => (
                <li>
                  <code>{u.email}</code> – {u.label}
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </Layout>
  )
}

export function SecondFactorChallengePage({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('accounts.challenge.title')} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('accounts.challenge.title')}</h1>
        <p>{t('accounts.challenge.body')}</p>
        <Form ctx={ctx} action={paths.signInCode()}>
          <Field ctx={ctx} name="code" label="accounts.challenge.code" errors={errors} autocomplete="one-time-code" inputMode="numeric" width="short" />
          <Button>{t('accounts.challenge.submit')}</Button>
        </Form>
        <form method="post" action={paths.signOut()}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="link-button">
            {t('accounts.challenge.cancel')}
          </button>
        </form>
      </div>
    </Layout>
  )
}

export function ForgotPasswordPage({ ctx, state, sent }: { ctx: PageContext; state: FormState; sent: boolean }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('accounts.forgot.title')} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <h1>{t('accounts.forgot.title')}</h1>
        {sent ? (
          <div class="notice notice--success" role="status">
            <p>{t('accounts.forgot.sent')}</p>
          </div>
        ) : (
          <>
            <p>{t('accounts.forgot.body')}</p>
            <Form ctx={ctx} action={paths.forgotPassword()}>
              <Field ctx={ctx} name="email" type="email" label="accounts.email" value={state.values.email} errors={state.errors} autocomplete="username" spellcheck={false} />
              <Button>{t('accounts.forgot.submit')}</Button>
            </Form>
          </>
        )}
        <p>
          <a href={paths.signIn()}>{t('accounts.backToSignIn')}</a>
        </p>
      </div>
    </Layout>
  )
}

export function ResetPasswordPage({ ctx, token, errors, usable }: { ctx: PageContext; token: string; errors: FieldError[]; usable: boolean }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('accounts.reset.title')} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('accounts.reset.title')}</h1>
        {usable ? (
          <Form ctx={ctx} action={paths.resetPassword(token)}>
            <Field ctx={ctx} name="password" type="password" label="accounts.reset.newPassword" hint="accounts.reset.hint" errors={errors} autocomplete="new-password" />
            <Field ctx={ctx} name="confirmation" type="password" label="accounts.reset.confirmation" errors={errors} autocomplete="new-password" />
            <Button>{t('accounts.reset.submit')}</Button>
          </Form>
        ) : (
          <>
            <p>{t('accounts.reset.expired')}</p>
            <p>
              <a href={paths.forgotPassword()}>{t('accounts.reset.requestNew')}</a>
            </p>
          </>
        )}
      </div>
    </Layout>
  )
}

export interface SessionView {
  id: string
  current: boolean
  device: string
  createdAt: Date
  lastSeenAt: Date
}

export function AccountPage({ ctx, email, roleLabel, hasSecondFactor, sessions }: { ctx: PageContext; email: string; roleLabel: string; hasSecondFactor: boolean; sessions: SessionView[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('accounts.account.title')}>
      <h1>{t('accounts.account.title')}</h1>
      <SummaryList
        rows={[
          { key: t('accounts.account.name'), value: ctx.user?.name },
          { key: t('accounts.email'), value: email },
          { key: t('accounts.account.role'), value: roleLabel },
          {
            key: t('accounts.account.secondFactor'),
            value: (
              <>
                {hasSecondFactor ? <Tag tone="green">{t('accounts.account.secondFactorOn')}</Tag> : <Tag tone="yellow">{t('accounts.account.secondFactorOff')}</Tag>}{' '}
                <a href={paths.secondFactor()}>{t('accounts.account.secondFactorManage')}</a>
              </>
            ),
          },
        ]}
      />
      <h2>{t('accounts.account.sessions')}</h2>
      <Table
        caption={t('accounts.account.sessionsCaption')}
        columns={[
          { header: t('accounts.account.device'), cell: (s: SessionView) => <>{s.device}{s.current && <> <Tag tone="blue">{t('accounts.account.thisDevice')}</Tag></>}</> },
          { header: t('accounts.account.signedInAt'), cell: (s) => ctx.formatDateTime(s.createdAt) },
          { header: t('accounts.account.lastSeenAt'), cell: (s) => ctx.formatDateTime(s.lastSeenAt) },
        ]}
        rows={sessions}
      />
      <Form ctx={ctx} action={paths.accountSignOutEverywhere()}>
        <p>{t('accounts.account.signOutEverywhereHint')}</p>
        <Button variant="warning">{t('accounts.account.signOutEverywhere')}</Button>
      </Form>
    </Layout>
  )
}
