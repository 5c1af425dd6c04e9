import type { Config } from './config.ts';
import { expireNoticesJob } from './modules/applications/expireNoticesJob.ts';
import { remindOverdueReviewsJob } from './modules/applications/remindOverdueJob.ts';
import { billDeliveryJob, billingIntegrityJob, billingJob } from './modules/billing/index.ts';
import { contractExpiryJob, violationWarningJob } from './modules/contracts/index.ts';
import { refreshSearchStatsJob } from './modules/customers/refreshSearchStatsJob.ts';
import { warnExpiringDocumentsJob } from './modules/customers/warnExpiringDocumentsJob.ts';
import { purgeExpiredSessionsJob } from './platform/auth/purgeExpiredSessionsJob.ts';
import type { DocumentRegistry } from './platform/documents/registry.ts';
import { JobRegistry } from './platform/jobs/registry.ts';
import { deliverOutboxJob } from './platform/mail/deliver.ts';
import type { MailTransport } from './platform/mail/transport.ts';

/** Every scheduled job of the application; modules add theirs here. */
export function buildJobRegistry(
  config: Config,
  s: { documents: DocumentRegistry; mail: MailTransport },
): JobRegistry {
  return new JobRegistry(config.jobSchedules)
    .register(purgeExpiredSessionsJob)
    .register(warnExpiringDocumentsJob)
    .register(refreshSearchStatsJob)
    .register(expireNoticesJob)
    .register(remindOverdueReviewsJob)
    .register(contractExpiryJob)
    .register(violationWarningJob)
    .register(billingJob)
    .register(billingIntegrityJob)
    .register(billDeliveryJob)
    .register(deliverOutboxJob({ documents: s.documents, mail: s.mail, mailFrom: config.mailFrom }));
}
