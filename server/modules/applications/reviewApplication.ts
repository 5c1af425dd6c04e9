import type { z } from 'zod';
import { APPLICATION_STATUS_LABELS } from '../../../common/applications/labels.ts';
import { isReviewStage, type ReviewStage, STAGE_ROLE } from '../../../common/applications/machine.ts';
import { ROLE_LABELS } from '../../../common/roles.ts';
import { type reviewBody, STAGE_CHECKLISTS } from '../../../common/schemas/applications.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getCustomer } from '../customers/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import type { Checks } from './checks.ts';
import { issueNotice } from './issueNotice.ts';
import { auditApplication, closeApplication, lockOrFail, nextStatus, statusLabel } from './lifecycle.ts';
import { checksOf } from './queries.ts';
import { type ApplicationRow, insertReview, listReviews, updateApplicationRow } from './repo.ts';
import { orgFacts } from './settings.ts';
import { enterStage } from './submitApplication.ts';

type Body = z.output<typeof reviewBody>;

/** The stage's checklist: complete to approve; whatever was ticked, to reject or return. */
function readChecklist(stage: ReviewStage, body: Body): Record<string, boolean | number> {
  const schema = STAGE_CHECKLISTS[stage];
  const parsed = (body.decision === 'approve' ? schema : schema.partial()).safeParse(body.checklist ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'APPLICATION_CHECKLIST_INVALID',
      { detail: `${issue.path.join('.') || 'checklist'}: ${issue.message}` },
      'checklist',
    );
  }
  return parsed.data as Record<string, boolean | number>;
}

/**
 * Whether the system found something the stage answers for: a stage may still approve, but must say why
 * (an expired licence at business, a term over 20 years or a penalty over the limit at legal, capital not
 * covering a year's rent at finance; management sees all of them).
 */
function flaggedFor(stage: ReviewStage, c: Checks): boolean {
  const business = !c.documents.licenceValid || !c.documents.taxRegistrationValid;
  const legal = !c.termWithinLimit || !c.penaltyWithinLimit || c.useFitsUnits === false;
  const finance = c.capitalCoversAnnualRent !== true;
  if (stage === 'business_review') return business;
  if (stage === 'legal_review') return legal;
  if (stage === 'finance_review') return finance;
  return business || legal || finance;
}

/**
 * A department's decision on its stage (R2.2.2-R2.2.5): kept as a new row, never changed. Approval moves
 * the application to the next stage, and management's approval issues the admission notice (R2.2.6);
 * a return sends it back to the applicant side; a rejection ends it and releases its units.
 */
export async function reviewApplication(ctx: Ctx, id: string, body: Body, today: string) {
  const a = await lockOrFail(ctx, id);
  const stage = a.status;
  const next = nextStatus(ctx, a, body.decision);
  if (!isReviewStage(stage)) throw new Error('unreachable: a decision outside a review stage');
  const role = STAGE_ROLE[stage];
  if (!ctx.actor.roles.includes(role)) {
    throw new AppError('APPLICATION_WRONG_STAGE_ROLE', {
      stage: statusLabel(ctx, stage),
      role: ROLE_LABELS[role][ctx.locale],
    });
  }
  const { admission } = await orgFacts(ctx);
  const earlier = await listReviews(ctx.tx, id);
  const otherStage = earlier.find((r) => r.decidedBy === ctx.actor.id && r.stage !== stage);
  if (admission.segregationOfDuties && otherStage) {
    throw new AppError('APPLICATION_SAME_REVIEWER', { stage: statusLabel(ctx, otherStage.stage) });
  }
  const checklist = readChecklist(stage, body);
  const customer = await getCustomer(ctx, a.customerId);
  if (body.decision === 'approve' && customer.status === 'blacklisted') {
    throw new AppError('CUSTOMER_BLACKLISTED', { name: customer.name });
  }
  const unticked = Object.values(checklist).some((v) => v === false);
  const flagged = body.decision === 'approve' && flaggedFor(stage, (await checksOf(ctx, a, today)).checks);
  const comment = body.comment?.trim() || null;
  if (!comment && (body.decision !== 'approve' || unticked || flagged)) {
    throw new AppError('APPLICATION_COMMENT_REQUIRED', {}, 'comment');
  }
  if (body.decision === 'reject' && !body.rejectReason) {
    throw new AppError('APPLICATION_REJECT_REASON_REQUIRED', {}, 'rejectReason');
  }
  const review = await insertReview(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    applicationId: id,
    stage,
    decision: body.decision,
    comment,
    rejectReason: body.decision === 'reject' ? body.rejectReason! : null,
    checklist,
    stageStartedAt: a.stageStartedAt ?? a.updatedAt,
    dueOn: a.stageDueOn,
    decidedBy: ctx.actor.id!,
    decidedAt: nowOf(ctx),
  });

  let after: ApplicationRow | null;
  if (body.decision === 'approve' && next !== 'approved') {
    const entered = await enterStage(ctx, a, next as ReviewStage, today, admission, customer.name);
    after = await updateApplicationRow(ctx.tx, id, entered);
  } else if (body.decision === 'approve') {
    after = await issueNotice(ctx, a, today, admission.noticeSignDays);
  } else if (body.decision === 'return') {
    after = await updateApplicationRow(ctx.tx, id, {
      status: 'returned',
      returnedFrom: stage,
      stageDueOn: null,
      remindedOn: null,
    });
  } else {
    after = await updateApplicationRow(ctx.tx, id, {
      status: 'rejected',
      stageDueOn: null,
      closedAt: nowOf(ctx),
    });
    await closeApplication(ctx, a);
  }
  if (body.decision !== 'approve' && a.createdBy) await tellApplicant(ctx, a, body.decision, stage, comment);
  await auditApplication(ctx, a, {
    action: `application.${body.decision}`,
    before: { status: a.status },
    after: { status: after!.status, stage, reviewId: review.id, comment, checklist },
  });
  return after!;
}

/** A return or a rejection goes back to whoever filed the application. */
async function tellApplicant(
  ctx: Ctx,
  a: { id: string; number: string; createdBy: string | null },
  decision: 'reject' | 'return',
  stage: ReviewStage,
  comment: string | null,
) {
  const label = APPLICATION_STATUS_LABELS[stage];
  const zh = decision === 'return' ? '退回' : '拒绝';
  await notifyUsers(ctx, [a.createdBy!], {
    title: {
      'zh-CN': `准入申请 ${a.number} 在${label['zh-CN']}环节被${zh}`,
      en: `Application ${a.number} was ${decision === 'return' ? 'returned' : 'rejected'} at ${label.en.toLowerCase()}`,
    },
    body: { 'zh-CN': `审批意见：${comment ?? ''}`, en: `Comment: ${comment ?? ''}` },
    link: `/applications/${a.id}`,
    entityType: 'application',
    entityId: a.id,
  });
}
