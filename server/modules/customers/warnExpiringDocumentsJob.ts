import { addDays } from '../../../common/dates.ts';
import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { notifyUsers } from '../notifications/index.ts';
import { EXPIRY_WARNING_DAYS } from './present.ts';
import { takeExpiringDocuments } from './repo.ts';

const KIND_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  business_licence: { 'zh-CN': '营业执照', en: 'business licence' },
  tax_registration: { 'zh-CN': '税务登记证', en: 'tax registration' },
  id_card: { 'zh-CN': '身份证件', en: 'identity document' },
  other: { 'zh-CN': '资质文件', en: 'qualification document' },
};

/**
 * Tells each account manager about their customers' documents that expire within 30 days of the business
 * date (R2.1: qualifications must stay valid). Each document is warned about once per expiry date, so a
 * re-run, or the next day's run, adds nothing; a renewed document with a new date is warned about again.
 */
export const warnExpiringDocumentsJob: JobDefinition = {
  name: 'warn-expiring-documents',
  description: {
    'zh-CN': '提醒客户经理 30 天内到期的客户资质文件',
    en: 'Warn account managers of customer documents expiring within 30 days',
  },
  schedule: '0 8 * * *',
  async run(job) {
    return job.inOrg(async (ctx) => {
      const due = await takeExpiringDocuments(
        ctx.tx,
        job.businessDate,
        addDays(job.businessDate, EXPIRY_WARNING_DAYS),
      );
      for (const d of due) {
        const kind = KIND_LABELS[d.kind] ?? KIND_LABELS.other!;
        const title = d.title ? `（${d.title}）` : '';
        await notifyUsers(ctx, [d.accountManagerId], {
          title: {
            'zh-CN': `${d.customerName}的${kind['zh-CN']}将于 ${d.expiresOn} 到期`,
            en: `The ${kind.en} of ${d.customerName} expires on ${d.expiresOn}`,
          },
          body: {
            'zh-CN': `客户“${d.customerName}”的${kind['zh-CN']}${title}将于 ${d.expiresOn} 到期，请联系客户提供更新后的文件。`,
            en: `The ${kind.en}${d.title ? ` (${d.title})` : ''} of customer "${d.customerName}" expires on ${d.expiresOn}. Ask the customer for the renewed document.`,
          },
          link: `/customers/${d.customerId}?tab=documents`,
          entityType: 'customer_document',
          entityId: d.id,
        });
      }
      return { warned: due.length };
    });
  },
};
