import { addDays } from '../../../common/dates.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { enqueueMail } from '../../platform/mail/enqueue.ts';
import { getCustomer, listContacts } from '../customers/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { syncCustomerStatus } from './lifecycle.ts';
import { type ApplicationRow, updateApplicationRow } from './repo.ts';
import { orgFacts } from './settings.ts';

export const NOTICE_KIND = 'admission-notice';

/**
 * Management's approval issues the Lease Admission Notice (《租赁准入通知书》, R2.2.6, R3.1.1): a number,
 * a deadline to sign, the customer admitted, the PDF mailed to the primary contact through the outbox (in
 * this transaction, so a rollback sends nothing) and the account manager told.
 */
export async function issueNotice(ctx: Ctx, a: ApplicationRow, today: string, signDays: number) {
  const number = await nextNumber(ctx.tx, ctx.orgId, 'ZR', Number(today.slice(0, 4)));
  const signBy = addDays(today, signDays);
  const after = await updateApplicationRow(ctx.tx, a.id, {
    status: 'approved',
    stageDueOn: null,
    noticeNumber: number,
    noticeIssuedOn: today,
    noticeSignBy: signBy,
  });
  await syncCustomerStatus(ctx, a);
  const customer = await getCustomer(ctx, a.customerId);
  const org = await orgFacts(ctx);
  const contact = (await listContacts(ctx.tx, a.customerId)).find((c) => c.isPrimary && c.email);
  if (contact?.email) {
    await enqueueMail(ctx, {
      to: [contact.email],
      subject: `【${org.name}】租赁准入通知书 ${number}`,
      text:
        `${contact.name}：您好！\n\n贵司（${customer.name}）提交的空间租赁申请 ${a.number} 已通过我司审批。` +
        `附件为《租赁准入通知书》（编号 ${number}），请于 ${signBy} 前与我司签订租赁合同，逾期本通知失效。\n\n${org.name}`,
      attachments: [{ kind: NOTICE_KIND, id: a.id, filename: `租赁准入通知书-${number}.pdf` }],
      entityType: 'application',
      entityId: a.id,
    });
  }
  const tell = [customer.accountManagerId, a.createdBy].filter((x): x is string => Boolean(x));
  await notifyUsers(ctx, tell, {
    title: {
      'zh-CN': `准入申请 ${a.number} 已批准，通知书 ${number} 已发出`,
      en: `Application ${a.number} approved; notice ${number} issued`,
    },
    body: {
      'zh-CN': `客户“${customer.name}”须于 ${signBy} 前签约。${contact?.email ? `通知书已发送至 ${contact.email}。` : '客户主联系人没有电子邮箱，请打印通知书送达。'}`,
      en: `"${customer.name}" must sign by ${signBy}. ${contact?.email ? `The notice was mailed to ${contact.email}.` : 'The primary contact has no e-mail address: print the notice and deliver it.'}`,
    },
    link: `/applications/${a.id}`,
    entityType: 'application',
    entityId: a.id,
  });
  return after!;
}
