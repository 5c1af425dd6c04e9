import { addDays, addMonths } from '../../../common/dates.ts';
import type { Role } from '../../../common/roles.ts';
import type { ContractTerms } from '../../../common/schemas/contracts.ts';
import { cancelContract } from '../../modules/contracts/cancelContract.ts';
import { createContract } from '../../modules/contracts/createContract.ts';
import { decideAmendment } from '../../modules/contracts/decideAmendment.ts';
import { contractDocument } from '../../modules/contracts/document.ts';
import { runContractExpiry } from '../../modules/contracts/expiryJob.ts';
import { explainTerms } from '../../modules/contracts/explainTerms.ts';
import { handOver } from '../../modules/contracts/handOver.ts';
import { moveOut } from '../../modules/contracts/moveOut.ts';
import { proposeAmendment } from '../../modules/contracts/proposeAmendment.ts';
import { signContract } from '../../modules/contracts/signContract.ts';
import { submitForSignature } from '../../modules/contracts/submitForSignature.ts';
import { templateFor } from '../../modules/contracts/templates.ts';
import { terminateContract } from '../../modules/contracts/terminateContract.ts';
import { uploadContractFile } from '../../modules/contracts/uploadFile.ts';
import { recordViolation } from '../../modules/contracts/violations.ts';
import { findCustomers } from '../../modules/customers/index.ts';
import { listUnits } from '../../modules/spaces/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { renderPdf } from '../../platform/documents/renderPdf.ts';
import type { FileStore } from '../../platform/files/fileStore.ts';

type Stage =
  | 'draft'
  | 'cancelled'
  | 'pending'
  | 'signed'
  | 'active'
  | 'amended'
  | 'violation'
  | 'terminated'
  | 'expiring'
  | 'holding_over';

interface Story {
  stage: Stage;
  /** Months from the seed day to the start (negative: started in the past). */
  startIn: number;
  months: number;
  price: string;
}

/** One contract in each state a lease can be in, with what happened to it, for the demo (issue 6). */
const STORIES: Story[] = [
  { stage: 'draft', startIn: 1, months: 36, price: '96' },
  { stage: 'cancelled', startIn: 1, months: 24, price: '88' },
  { stage: 'pending', startIn: 1, months: 24, price: '105' },
  { stage: 'signed', startIn: 1, months: 36, price: '112' },
  { stage: 'active', startIn: -4, months: 24, price: '99.5' },
  { stage: 'amended', startIn: -10, months: 36, price: '118' },
  { stage: 'violation', startIn: -6, months: 36, price: '92' },
  { stage: 'terminated', startIn: -14, months: 36, price: '101' },
  { stage: 'expiring', startIn: -22, months: 24, price: '86' },
  { stage: 'holding_over', startIn: -24, months: 24, price: '90' },
];

function termsFor(story: Story, unitId: string, start: string, clauses: string): ContractTerms {
  const end = addDays(addMonths(start, story.months), -1);
  const escalations =
    story.months > 12 ? [{ from: addMonths(start, 12), kind: 'percent' as const, value: '0.05' }] : [];
  return {
    units: [{ unitId }],
    areaBasis: 'gross',
    use: 'office',
    startDate: start,
    endDate: story.stage === 'expiring' ? addDays(addMonths(start, 22), 44) : end,
    rent: { basis: 'per_sqm_month', price: story.price, taxInclusive: true, vatRate: '0.09' },
    billingCycleMonths: 3,
    dueDaysBeforePeriod: 5,
    rentFree: [{ from: start, to: addDays(addMonths(start, 1), -1) }],
    rentFreeAppliesToPropertyFee: false,
    escalations,
    propertyFee: { pricePerSqmMonth: '8.5', taxInclusive: true, vatRate: '0.06' },
    otherCharges:
      story.stage === 'active'
        ? [{ name: '地面停车位', monthlyAmount: '450', taxInclusive: true, vatRate: '0.09' }]
        : [],
    deposit: { months: story.stage === 'signed' ? 3 : 2 },
    propertyFeeDeposit: null,
    lateFee: { dailyRate: '0.0005', graceDays: 3, cap: 'principal' },
    clauses,
  };
}

/**
 * Contracts for the demo through the same use-cases as the app, each step by its department's demo user on
 * its own business day: drafts, one awaiting signature, signed, active, amended, one with an open sublet,
 * terminated and moved out, one about to end, one holding over; then the day's expiry run.
 */
export async function seedDemoContracts(
  ctx: Ctx,
  today: string,
  users: Record<string, string>,
  files: FileStore,
) {
  let moment = new Date();
  const at = (day: string) => {
    const t = new Date(`${day}T10:30:00+08:00`);
    moment = t.getTime() < Date.now() ? t : new Date();
  };
  const as = (role: Role): Ctx => ({
    ...ctx,
    actor: { kind: 'user', id: users[role]!, roles: [role] },
    clock: () => moment,
  });
  const [business, admin, management] = [as('business'), as('admin'), as('management')];
  // Customers the admission demo leaves alone: the last prospects by name.
  const customers = (await findCustomers(ctx, { sort: 'name', limit: 60, status: 'prospect' })).items
    .slice(-STORIES.length)
    .reverse();
  const vacant = async (asOf: string) =>
    new Set(
      (await listUnits(ctx.tx, { type: 'office', status: 'vacant', asOf, limit: 200 })).map((u) => u.id),
    );
  const [past, now, future] = await Promise.all([
    vacant(addMonths(today, -24)),
    vacant(today),
    vacant(addMonths(today, 40)),
  ]);
  const units = [...now].filter((id) => past.has(id) && future.has(id)).slice(-STORIES.length);
  // One rendered contract stands in for every scan: rendering each would slow the first start for nothing.
  let scan: Buffer | null = null;
  const upload = async (id: string, purpose: 'signed_copy' | 'amendment', fileName: string) => {
    scan ??= await renderPdf((await contractDocument.load(business, id))!);
    return (await uploadContractFile(business, files, id, purpose, { fileName, bytes: scan })).id;
  };
  const signedCopy = (id: string) => upload(id, 'signed_copy', '合同签署扫描件.pdf');

  const { clauses } = await templateFor(admin, 'office');
  for (const [i, story] of STORIES.entries()) {
    const customer = customers[i];
    const unitId = units[i];
    if (!customer || !unitId) break;
    const start = addMonths(today, story.startIn);
    const drafted = story.startIn > 0 ? addDays(today, -2) : addDays(start, -20);
    at(drafted);
    const c = await createContract(
      admin,
      {
        customerId: customer.id,
        noApplicationReason:
          story.startIn > 0 ? '客户续租意向明确，由管理员直接起草' : '系统上线前已签订的存量合同',
        terms: termsFor(story, unitId, start, clauses),
        notes: null,
      },
      drafted,
    );
    if (story.stage === 'draft') continue;
    if (story.stage === 'cancelled') {
      at(addDays(drafted, 1));
      await cancelContract(business, c.id, '客户改选其他楼层，本合同作废', addDays(drafted, 1));
      continue;
    }
    const signOn = addDays(drafted, 2);
    at(signOn);
    await submitForSignature(business, c.id, signOn);
    await explainTerms(
      business,
      c.id,
      {
        explainedTo: `${customer.primaryContact?.name ?? '客户代表'}（经办人）`,
        explainedOn: signOn,
        highlightedClauses: ['第四条 租金及支付方式', '第六条 逾期付款违约责任', '第二条 不得擅自转租'],
        customerAcknowledged: true,
        note: null,
      },
      signOn,
    );
    if (story.stage === 'pending') continue;
    await signContract(
      business,
      c.id,
      {
        signedOn: signOn,
        lessorSignatory: '王业务',
        customerSignatory: customer.primaryContact?.name ?? '客户代表',
        signedCopyFileId: await signedCopy(c.id),
        custodianId: users.business!,
        archiveLocation: `档案室 A-${String(i + 1).padStart(2, '0')} 柜`,
      },
      signOn,
    );
    if (story.stage === 'signed') continue;
    at(start);
    await handOver(
      business,
      c.id,
      {
        handedOverOn: start,
        facilities: [
          { item: '中央空调', ok: true, note: null },
          { item: '照明', ok: true, note: null },
          { item: '门禁', ok: i % 2 === 0, note: i % 2 === 0 ? null : '读卡器待更换' },
        ],
        keys: [
          { label: '入户门钥匙', count: 2 },
          { label: '门禁卡', count: 4 },
        ],
        meterReadings: [
          { meter: `电表 E-${1000 + i}`, kind: 'electricity', reading: String(12000 + i * 317) },
          { meter: `水表 W-${200 + i}`, kind: 'water', reading: String(300 + i * 11) },
        ],
        photoFileIds: [],
        lessorConfirmedBy: '王业务',
        customerConfirmedBy: customer.primaryContact?.name ?? '客户代表',
        note: null,
      },
      start,
    );
    if (story.stage === 'amended') {
      const effective = addMonths(start, 9);
      at(addDays(effective, -10));
      const agreement = await upload(c.id, 'amendment', '补充协议一.pdf');
      const t = termsFor(story, unitId, start, clauses);
      await proposeAmendment(
        business,
        c.id,
        {
          effectiveFrom: effective,
          reason: '双方协商：自第十个月起租金单价调整为 125 元/㎡/月，并增加两个地下车位',
          terms: {
            ...t,
            rent: { ...t.rent, price: '125' },
            otherCharges: [
              { name: '地下停车位（2 个）', monthlyAmount: '1200', taxInclusive: true, vatRate: '0.09' },
            ],
          },
          agreementFileId: agreement,
        },
        addDays(effective, -10),
      );
      at(addDays(effective, -8));
      await decideAmendment(
        management,
        c.id,
        2,
        { decision: 'approve', comment: '同意，按补充协议执行。' },
        addDays(effective, -8),
      );
    }
    if (story.stage === 'violation') {
      const found = addMonths(today, -2);
      at(found);
      await recordViolation(
        business,
        c.id,
        {
          kind: 'sublet',
          foundOn: found,
          description: '巡查发现 A 区约 60 ㎡ 由第三方公司使用，疑似未经同意转租。',
          evidenceFileIds: [],
        },
        found,
      );
    }
    if (story.stage === 'terminated') {
      const end = addMonths(today, -1);
      at(end);
      await terminateContract(
        business,
        c.id,
        {
          reason: 'mutual',
          forNonPayment: false,
          effectiveOn: end,
          liabilities: '双方协商一致提前解除，乙方支付一个月租金作为补偿，其余互不追究。',
          fileIds: [],
        },
        end,
      );
      const out = addDays(end, 2);
      at(out);
      await moveOut(
        business,
        c.id,
        {
          movedOutOn: out,
          condition: '房屋整体完好，墙面有少量钉孔。',
          damages: [{ item: '墙面修补', amountFen: 80_000 }],
          meterReadings: [{ meter: `电表 E-${1000 + i}`, kind: 'electricity', reading: String(18000 + i) }],
          keysReturned: true,
          photoFileIds: [],
          note: null,
        },
        out,
      );
    }
  }
  at(today);
  await runContractExpiry(ctx, today);
}
