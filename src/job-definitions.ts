// Every background job the app knows, so any worker process can run any queued job.
import { digestJob, weeklyDigestJob } from './editions/playbook/digest-job.ts'
import { inviteeImportJob } from './invitees/import-job/import-job.ts'
import { purgeJob } from './invitees/purge-job.ts'
import { inviteeSmsJob } from './invitations/messages/sms-job.ts'
import { remindersJob } from './invitations/reminders/reminders-job.ts'
import type { JobDefinition } from './platform/jobs/jobs.ts'
import { sendMailJob } from './platform/mail/mail.ts'
import { incompleteReminderJob, incompleteRemindersJob } from './practices/editorial/editorial-jobs.ts'
import type { Services } from './services.ts'
import { maintenanceJob } from './shell/maintenance-job.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jobDefinitions(services: Services): JobDefinition<any>[] {
  return [sendMailJob(services.mail, services.config.mailFrom), maintenanceJob, incompleteRemindersJob, incompleteReminderJob(services.config), weeklyDigestJob, digestJob(services.config), purgeJob(services), inviteeImportJob(services), inviteeSmsJob(services.sms), remindersJob(services.config)]
}
