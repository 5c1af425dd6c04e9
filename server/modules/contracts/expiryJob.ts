import { addDays, addYears } from '../../../common/dates.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { notifyUsers } from '../notifications/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { occupyUnits } from '../spaces/index.ts';
import { lockOrFail, nextStatus, recordEvent, versionOn } from './lifecycle.ts';
import { contractsEnded, contractsToRemind, renewalsOf, updateContractRow, versionsOf } from './repo.ts';

/**
 * Expiry (R3.2, art. 734) for one business date: reminders to the account manager 90, 60 and 30 days
 * (setting) before the end date, one per step even if a day was missed; contracts past their end date
 * expire, and one whose customer has not moved out and has no signed renewal is flagged as holding over.
 * A re-run for the same date finds nothing left to do.
 */
export async function runContractExpiry(ctx: Ctx, businessDate: string) {
  const steps = [...(await orgFacts(ctx)).settings.contracts.expiryReminderDays].sort((a, b) => b - a);
  let reminded = 0;
  if (steps.length) {
    for (const c of await contractsToRemind(ctx.tx, businessDate, steps[0]!)) {
      const step = steps.filter((s) => c.daysLeft <= s).at(-1)!;
      if (c.remindedDaysBefore !== null && c.remindedDaysBefore <= step) continue;
      await updateContractRow(ctx.tx, c.id, { remindedDaysBefore: step });
      await recordEvent(ctx, c, 'expiry_reminder', businessDate, { daysLeft: c.daysLeft, step });
      const tell = [c.accountManagerId ?? c.createdBy].filter((x): x is string => Boolean(x));
      await notifyUsers(ctx, tell, {
        title: {
          'zh-CN': `合同 ${c.number} 将于 ${c.daysLeft} 天后到期`,
          en: `Contract ${c.number} ends in ${c.daysLeft} days`,
        },
        body: {
          'zh-CN': `客户“${c.customerName}”的合同于 ${c.endDate} 到期，请联系客户确认续签或退租。`,
          en: `"${c.customerName}"'s contract ends on ${c.endDate}; ask whether they renew or move out.`,
        },
        link: `/contracts/${c.id}`,
        entityType: 'contract',
        entityId: c.id,
      });
      reminded++;
    }
  }
  let expired = 0;
  let holdingOver = 0;
  for (const { id } of await contractsEnded(ctx.tx, businessDate)) {
    const c = await lockOrFail(ctx, id);
    const status = nextStatus(ctx, c, 'expire');
    const renewed = (await renewalsOf(ctx.tx, [c.id])).some(
      (r) => r.status !== 'draft' && r.status !== 'pending_signature',
    );
    const stays = Boolean(c.handedOverOn) && !c.movedOutOn && !renewed;
    await updateContractRow(ctx.tx, id, { status, holdingOver: stays });
    await recordEvent(
      ctx,
      c,
      'expired',
      c.endDate,
      { holdingOver: stays },
      { before: { status: c.status }, after: { status, holdingOver: stays } },
    );
    expired++;
    if (stays) {
      holdingOver++;
      const held = await holdWhileStaying(ctx, c);
      await recordEvent(ctx, c, 'holding_over', businessDate, { unitsHeld: held });
    }
  }
  return { reminded, expired, holdingOver };
}

export const contractExpiryJob: JobDefinition = {
  name: 'contract-expiry',
  description: {
    'zh-CN': '合同到期提醒（90/60/30 天），到期合同转为已到期并标记逾期占用',
    en: 'Remind of contracts ending (90/60/30 days), expire ended ones and flag holding over',
  },
  schedule: '20 0 * * *',
  run: (job) => job.inOrg((ctx) => runContractExpiry(ctx, job.businessDate)),
};

/**
 * The customer is still in the space: its units stay taken (for up to a year, cut at the move-out) so
 * nobody else is promised them. A unit already let to someone else from the next day is left as it is.
 */
async function holdWhileStaying(ctx: Ctx, c: { id: string; customerId: string; endDate: string }) {
  const versions = await versionsOf(ctx.tx, [c.id]);
  const units = versionOn(versions, c.endDate).terms.units.map((u) => u.unitId);
  let held = 0;
  for (const unitId of units) {
    try {
      await occupyUnits(ctx, {
        unitIds: [unitId],
        kind: 'leased',
        from: addDays(c.endDate, 1),
        to: addYears(c.endDate, 1),
        sourceType: 'contract',
        sourceId: c.id,
        customerId: c.customerId,
        reason: HOLDING_OVER,
      });
      held++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'UNIT_NOT_AVAILABLE')) throw e;
    }
  }
  return held;
}

/** The reason on a holding-over range: a renewal signed later gives it up. */
export const HOLDING_OVER = '逾期占用（民法典第七百三十四条）';
