import { APPLICATION_STATUS_LABELS } from '../../../common/applications/labels.ts';
import {
  type ApplicationEvent,
  type ApplicationStatus,
  type ReviewStage,
  transition,
} from '../../../common/applications/machine.ts';
import { addDays, addMonths } from '../../../common/dates.ts';
import type { Labels } from '../../../common/labels.ts';
import { type AuditInput, recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { lockCustomer, setCustomerStatus } from '../customers/index.ts';
import { occupyUnits, releaseUnits } from '../spaces/index.ts';
import { type ApplicationRow, lockApplication, openApplicationsOf } from './repo.ts';

const EVENT_LABELS: Labels<ApplicationEvent> = {
  submit: { 'zh-CN': '提交', en: 'submitted' },
  resubmit: { 'zh-CN': '重新提交', en: 'resubmitted' },
  approve: { 'zh-CN': '批准', en: 'approved' },
  reject: { 'zh-CN': '拒绝', en: 'rejected' },
  return: { 'zh-CN': '退回', en: 'returned' },
  withdraw: { 'zh-CN': '撤回', en: 'withdrawn' },
  expire_notice: { 'zh-CN': '标记为通知过期', en: 'marked as expired' },
  contract: { 'zh-CN': '签约', en: 'contracted' },
};

export const statusLabel = (ctx: Ctx, s: string) =>
  APPLICATION_STATUS_LABELS[s as ApplicationStatus]?.[ctx.locale] ?? s;

/** The row, locked for the rest of the transaction. */
export async function lockOrFail(ctx: Ctx, id: string): Promise<ApplicationRow> {
  const a = await lockApplication(ctx.tx, id);
  if (!a) throw notFound('application');
  return a;
}

/** Where `event` takes the application, or a 409 that names its state and the refused action. */
export function nextStatus(ctx: Ctx, a: ApplicationRow, event: ApplicationEvent): ApplicationStatus {
  const next = transition(
    a.status as ApplicationStatus,
    event,
    (a.returnedFrom as ReviewStage | null) ?? null,
  );
  if (!next) {
    throw new AppError('APPLICATION_TRANSITION_INVALID', {
      status: statusLabel(ctx, a.status),
      action: EVENT_LABELS[event][ctx.locale],
    });
  }
  return next;
}

/** The last day of the wanted lease: the units are held for the whole of it. */
export const leaseEnd = (a: { startDate: string; termMonths: number }) =>
  addDays(addMonths(a.startDate, a.termMonths), -1);

/** Holds the proposed units while the application is under review (R2.2.1). */
export async function reserveUnits(ctx: Ctx, a: ApplicationRow) {
  if (!a.unitIds.length) return;
  await occupyUnits(ctx, {
    unitIds: a.unitIds,
    kind: 'reserved',
    from: a.startDate,
    to: leaseEnd(a),
    sourceType: 'application',
    sourceId: a.id,
    customerId: a.customerId,
  });
}

/** What ends with the application (rejected, withdrawn, notice expired): its units are released. */
export async function closeApplication(ctx: Ctx, a: ApplicationRow) {
  await releaseUnits(ctx, 'application', a.id);
  await syncCustomerStatus(ctx, a);
}

/**
 * Sets the customer's status from all their applications, after this one's change is written: admitted
 * while a notice is out, applicant while one is under review or returned, prospect when none is open. The
 * customer row is locked first, so two applications of one customer changing at once queue here and the
 * second counts the first's result. A tenant stays a tenant; for a blacklisted customer only the return
 * to prospect is remembered, for when the blacklist is lifted.
 */
export async function syncCustomerStatus(ctx: Ctx, a: { id: string; customerId: string }) {
  const c = await lockCustomer(ctx.tx, a.customerId);
  if (!c) throw notFound('customer');
  if (c.status === 'tenant') return;
  const open = await openApplicationsOf(ctx.tx, a.customerId);
  const want = open.approved ? 'admitted' : open.pending ? 'applicant' : 'prospect';
  if (c.status === 'blacklisted' ? want !== 'prospect' : c.status === want) return;
  await setCustomerStatus(ctx, a.customerId, want, { entityType: 'application', entityId: a.id });
}

export function auditApplication(
  ctx: Ctx,
  a: ApplicationRow,
  input: Omit<AuditInput, 'entityType' | 'entityId' | 'customerId'>,
) {
  return recordAudit(ctx, { ...input, entityType: 'application', entityId: a.id, customerId: a.customerId });
}
