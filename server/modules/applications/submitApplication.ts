import { APPLICATION_STATUS_LABELS } from '../../../common/applications/labels.ts';
import { type ReviewStage, STAGE_ROLE } from '../../../common/applications/machine.ts';
import { addDays } from '../../../common/dates.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getCustomer, listDocuments } from '../customers/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { activeUserIdsWithRoles } from '../users/index.ts';
import { documentState } from './checks.ts';
import { auditApplication, lockOrFail, nextStatus, reserveUnits, syncCustomerStatus } from './lifecycle.ts';
import { listReviews, updateApplicationRow } from './repo.ts';
import { orgFacts } from './settings.ts';

const REQUIRED_DOCUMENTS = [
  { kind: 'business_licence', label: { 'zh-CN': '营业执照', en: 'business licence' } },
  { kind: 'tax_registration', label: { 'zh-CN': '税务登记证', en: 'tax registration' } },
] as const;

/** R2.1: a licence and a tax registration on file, neither expired on the day of submission. */
async function ensureDocuments(ctx: Ctx, customerId: string, today: string) {
  const docs = await listDocuments(ctx.tx, customerId);
  for (const required of REQUIRED_DOCUMENTS) {
    const { doc, valid } = documentState(docs, required.kind, today);
    if (!doc) {
      throw new AppError('APPLICATION_DOCUMENT_MISSING', { kind: required.label[ctx.locale] }, 'documents');
    }
    if (!valid) {
      throw new AppError(
        'APPLICATION_DOCUMENT_EXPIRED',
        { kind: required.label[ctx.locale], expiresOn: doc.expiresOn! },
        'documents',
      );
    }
  }
}

/** Starts a review stage: its clock, its due day, and a word to the department that decides it. */
export async function enterStage(
  ctx: Ctx,
  a: { id: string; number: string; customerId: string },
  stage: ReviewStage,
  today: string,
  admission: { reviewDays: number; segregationOfDuties: boolean },
  customerName: string,
) {
  const dueOn = addDays(today, admission.reviewDays);
  const label = APPLICATION_STATUS_LABELS[stage];
  // Not those whom segregation of duties keeps off this stage: they decided another one.
  const decidedOther = admission.segregationOfDuties
    ? (await listReviews(ctx.tx, a.id)).filter((r) => r.stage !== stage).map((r) => r.decidedBy)
    : [];
  const reviewers = (await activeUserIdsWithRoles(ctx.tx, [STAGE_ROLE[stage]])).filter(
    (u) => !decidedOther.includes(u),
  );
  await notifyUsers(ctx, reviewers, {
    title: {
      'zh-CN': `准入申请 ${a.number} 待${label['zh-CN']}`,
      en: `Application ${a.number} awaits ${label.en.toLowerCase()}`,
    },
    body: {
      'zh-CN': `客户“${customerName}”的空间租赁申请 ${a.number} 已进入${label['zh-CN']}环节，请于 ${dueOn} 前完成审批。`,
      en: `The lease application ${a.number} of "${customerName}" is at ${label.en.toLowerCase()}; please decide by ${dueOn}.`,
    },
    link: `/applications/${a.id}`,
    entityType: 'application',
    entityId: a.id,
  });
  return { status: stage, stageStartedAt: nowOf(ctx), stageDueOn: dueOn, remindedOn: null };
}

/**
 * Sends a draft to the business review, or a returned application back to the stage that returned it.
 * Its units are reserved on the first submission (a taken unit is refused, nothing is written).
 */
export async function submitApplication(ctx: Ctx, id: string, today: string) {
  const a = await lockOrFail(ctx, id);
  const first = a.status === 'draft';
  const next = nextStatus(ctx, a, first ? 'submit' : 'resubmit') as ReviewStage;
  await ensureDocuments(ctx, a.customerId, today);
  const customer = await getCustomer(ctx, a.customerId);
  if (customer.status === 'blacklisted') throw new AppError('CUSTOMER_BLACKLISTED', { name: customer.name });
  if (first) await reserveUnits(ctx, a);
  const { admission } = await orgFacts(ctx);
  const stage = await enterStage(ctx, a, next, today, admission, customer.name);
  const after = await updateApplicationRow(ctx.tx, id, {
    ...stage,
    returnedFrom: null,
    ...(first ? { submittedAt: nowOf(ctx) } : {}),
  });
  await syncCustomerStatus(ctx, a);
  await auditApplication(ctx, a, {
    action: first ? 'application.submit' : 'application.resubmit',
    before: { status: a.status },
    after: { status: next, stageDueOn: stage.stageDueOn },
  });
  return after!;
}
