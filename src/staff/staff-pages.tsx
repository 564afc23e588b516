import { MUNICIPALITY_ROLES, type Role } from '../accounts/accounts.ts'
import { Button, ErrorSummary, Field, Form, LinkButton, Radios, SummaryList, Table, Tag } from '../platform/views/components.tsx'
import type { FieldError, FormState, PageContext } from '../platform/views/context.ts'
import { Layout } from '../platform/views/layout.tsx'
import { paths } from '../paths.ts'

export interface StaffRowView {
  id: string
  name: string
  email: string
  role: Role
  hasSecondFactor: boolean
  lastSignInAt: Date | null
  disabled: boolean
}

export function StaffListPage({ ctx, staff }: { ctx: PageContext; staff: StaffRowView[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('staff.list.title')}>
      <h1>{t('staff.list.title')}</h1>
      <p>{t('staff.list.intro')}</p>
      <p>
        <LinkButton href={paths.staffNew()} variant="primary">
          {t('staff.list.add')}
        </LinkButton>
      </p>
      <Table
        caption={t('staff.list.caption', { count: staff.length })}
        columns={[
          { header: t('staff.name'), cell: (s: StaffRowView) => <a href={paths.staffMember(s.id)}>{s.name}</a> },
          { header: t('staff.email'), cell: (s) => s.email },
          { header: t('staff.role'), cell: (s) => t(`roles.${s.role}`) },
          { header: t('staff.secondFactor'), cell: (s) => (s.hasSecondFactor ? <Tag tone="green">{t('staff.secondFactorOn')}</Tag> : <Tag tone="yellow">{t('staff.secondFactorOff')}</Tag>) },
          { header: t('staff.lastSignIn'), cell: (s) => (s.lastSignInAt ? ctx.formatDateTime(s.lastSignInAt) : t('staff.never')) },
          { header: t('staff.status'), cell: (s) => (s.disabled ? <Tag tone="red">{t('staff.status.disabled')}</Tag> : <Tag tone="green">{t('staff.status.active')}</Tag>) },
        ]}
        rows={staff}
      />
    </Layout>
  )
}

export function NewStaffPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('staff.new.title')} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <h1>{t('staff.new.title')}</h1>
        <p>{t('staff.new.intro')}</p>
        <Form ctx={ctx} action={paths.staffNew()}>
          <Field ctx={ctx} name="name" label="staff.name" value={state.values.name} errors={state.errors} autocomplete="off" spellcheck={false} />
          <Field ctx={ctx} name="email" type="email" label="staff.email" value={state.values.email} errors={state.errors} autocomplete="off" spellcheck={false} />
          <RoleRadios ctx={ctx} value={state.values.role ?? 'staff'} errors={state.errors} />
          <Button>{t('staff.new.submit')}</Button>
        </Form>
        <p>
          <a href={paths.staff()}>{t('staff.backToList')}</a>
        </p>
      </div>
    </Layout>
  )
}

export interface MemberView {
  id: string
  name: string
  email: string
  role: Role
  disabled: boolean
  hasSecondFactor: boolean
  lastSignInAt: Date | null
  isSelf: boolean
}

export function EditStaffPage({ ctx, member, state }: { ctx: PageContext; member: MemberView; state: FormState }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={member.name} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <h1>{member.name}</h1>
        <SummaryList
          rows={[
            { key: t('staff.email'), value: member.email },
            { key: t('staff.secondFactor'), value: member.hasSecondFactor ? t('staff.secondFactorOn') : t('staff.secondFactorOff') },
            { key: t('staff.lastSignIn'), value: member.lastSignInAt ? ctx.formatDateTime(member.lastSignInAt) : t('staff.never') },
          ]}
        />
        <h2>{t('staff.edit.heading')}</h2>
        {member.isSelf && <p>{t('staff.edit.selfHint')}</p>}
        <Form ctx={ctx} action={paths.staffMember(member.id)}>
          <Field ctx={ctx} name="name" label="staff.name" value={state.values.name} errors={state.errors} autocomplete="off" spellcheck={false} />
          <RoleRadios ctx={ctx} value={state.values.role} errors={state.errors} />
          <Radios
            ctx={ctx}
            name="status"
            legend="staff.status"
            value={state.values.status}
            errors={state.errors}
            options={[
              { value: 'active', label: t('staff.status.active'), hint: t('staff.status.activeHint') },
              { value: 'disabled', label: t('staff.status.disabled'), hint: t('staff.status.disabledHint') },
            ]}
          />
          <Button>{t('common.save')}</Button>
        </Form>
        {member.hasSecondFactor && !member.isSelf && (
          <>
            <h2>{t('staff.secondFactorReset.heading')}</h2>
            <p>{t('staff.secondFactorReset.body')}</p>
            <Form ctx={ctx} action={paths.staffSecondFactorReset(member.id)}>
              <Button variant="warning">{t('staff.secondFactorReset.submit')}</Button>
            </Form>
          </>
        )}
        {!member.disabled && (
          <>
            <h2>{t('staff.passwordLink.heading')}</h2>
            <p>{t('staff.passwordLink.body')}</p>
            <Form ctx={ctx} action={paths.staffPasswordLink(member.id)}>
              <Button variant="secondary">{t('staff.passwordLink.submit')}</Button>
            </Form>
          </>
        )}
        <p>
          <a href={paths.staff()}>{t('staff.backToList')}</a>
        </p>
      </div>
    </Layout>
  )
}

function RoleRadios({ ctx, value, errors }: { ctx: PageContext; value: string | undefined; errors: FieldError[] }) {
  return (
    <Radios
      ctx={ctx}
      name="role"
      legend="staff.role"
      value={value}
      errors={errors}
      options={MUNICIPALITY_ROLES.map((role) => ({ value: role, label: ctx.t(`roles.${role}`), hint: ctx.t(`staff.roleHint.${role}`) }))}
    />
  )
}
