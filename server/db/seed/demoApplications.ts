import { addDays, startOfMonth } from '../../../common/dates.ts';
import type { Role } from '../../../common/roles.ts';
import { documentState } from '../../modules/applications/checks.ts';
import { createApplication } from '../../modules/applications/createApplication.ts';
import { expireNotices } from '../../modules/applications/expireNoticesJob.ts';
import { reviewApplication } from '../../modules/applications/reviewApplication.ts';
import { submitApplication } from '../../modules/applications/submitApplication.ts';
import { withdrawApplication } from '../../modules/applications/withdrawApplication.ts';
import { findCustomers, listDocuments } from '../../modules/customers/index.ts';
import { listUnits } from '../../modules/spaces/index.ts';
import type { Ctx } from '../../platform/context.ts';

type Step =
  | ['approve' | 'return' | 'reject', 'business' | 'legal' | 'finance' | 'management', string?]
  | ['withdraw', string];

interface Story {
  /** Days before the seed day that it was filed: submitted then, decided a day apart. */
  filedDaysAgo: number;
  area: [string, string];
  occupants: number;
  withUnit: boolean;
  steps: Step[];
}

const CHECKED = {
  business: { qualificationsVerified: true, needsReasonable: true, unitsSuitable: true },
  legal: { termLawful: true, penaltyWithinLimit: true, useFitsUnits: true },
  finance: { abilityToPay: true, noArrears: true, recommendedDepositMonths: 2 },
  management: { jointReviewComplete: true },
};

/** One application in each state the admission process can leave it in, with what people wrote. */
const STORIES: Story[] = [
  { filedDaysAgo: 0, area: ['150', '220'], occupants: 18, withUnit: false, steps: [] },
  { filedDaysAgo: 5, area: ['300', '450'], occupants: 40, withUnit: false, steps: [] },
  {
    filedDaysAgo: 1,
    area: ['120', '180'],
    occupants: 12,
    withUnit: true,
    steps: [['approve', 'business', '资质齐全，需求与面积匹配。']],
  },
  {
    filedDaysAgo: 3,
    area: ['500', '800'],
    occupants: 25,
    withUnit: false,
    steps: [
      ['approve', 'business', '仓储需求明确，已核对营业执照原件。'],
      ['approve', 'legal', '租期与违约金条款符合公司标准合同。'],
    ],
  },
  {
    filedDaysAgo: 4,
    area: ['200', '260'],
    occupants: 30,
    withUnit: true,
    steps: [
      ['approve', 'business'],
      ['approve', 'legal'],
      ['approve', 'finance', '注册资本覆盖年租金，建议押二付三。'],
    ],
  },
  {
    filedDaysAgo: 6,
    area: ['100', '160'],
    occupants: 10,
    withUnit: true,
    steps: [
      ['approve', 'business'],
      ['approve', 'legal'],
      ['approve', 'finance'],
      ['approve', 'management', '同意准入，请业务部跟进签约。'],
    ],
  },
  {
    filedDaysAgo: 4,
    area: ['180', '240'],
    occupants: 16,
    withUnit: false,
    steps: [
      ['approve', 'business'],
      [
        'return',
        'legal',
        '逾期付款违约金约定为每日千分之三，超出公司标准，请与客户协商调整为万分之五以内后重新提交。',
      ],
    ],
  },
  {
    filedDaysAgo: 8,
    area: ['600', '900'],
    occupants: 35,
    withUnit: false,
    steps: [
      ['approve', 'business'],
      ['approve', 'legal'],
      ['reject', 'finance', '近两年财务报表显示持续亏损，注册资本不足以覆盖一年租金，且无担保。'],
    ],
  },
  {
    filedDaysAgo: 7,
    area: ['90', '130'],
    occupants: 8,
    withUnit: false,
    steps: [
      ['approve', 'business'],
      ['withdraw', '客户决定暂缓扩租，撤回申请。'],
    ],
  },
  {
    filedDaysAgo: 40,
    area: ['250', '320'],
    occupants: 28,
    withUnit: false,
    steps: [
      ['approve', 'business'],
      ['approve', 'legal'],
      ['approve', 'finance'],
      ['approve', 'management', '同意准入。'],
    ],
  },
];

/**
 * Applications in every state for the demo (issue 5), through the same use-cases as the app, each step
 * decided by the demo user of its department on an earlier business date: one is overdue at the business
 * review, one approved notice has lapsed (the expiry job's work is run for the seed day).
 */
export async function seedDemoApplications(ctx: Ctx, today: string, users: Record<string, string>) {
  // Each step happens at a time of day on its business day (Shanghai), so stage durations look real.
  let moment = new Date();
  const at = (day: string, hour: number) => {
    const t = new Date(
      `${day}T${String(hour).padStart(2, '0')}:${String((hour * 17) % 60).padStart(2, '0')}:00+08:00`,
    );
    moment = t.getTime() < Date.now() ? t : new Date(); // never in the future
  };
  const as = (role: Role): Ctx => ({
    ...ctx,
    actor: { kind: 'user', id: users[role]!, roles: [role] },
    clock: () => moment,
  });
  const business = as('business');
  const customers = (await findCustomers(ctx, { sort: 'name', limit: 60, status: 'prospect' })).items;
  const ready: string[] = [];
  for (const c of customers) {
    const docs = await listDocuments(ctx.tx, c.id);
    const valid = (kind: string) => documentState(docs, kind, addDays(today, -45)).valid;
    if (
      valid('business_licence') &&
      valid('tax_registration') &&
      documentState(docs, 'business_licence', today).valid
    )
      ready.push(c.id);
  }
  const start = startOfMonth(addDays(today, 45));
  // Vacant on the first and the last day of the longest term asked for, so the hold can be taken.
  const vacantOn = async (asOf: string) =>
    (await listUnits(ctx.tx, { type: 'office', status: 'vacant', asOf, limit: 40 })).map((u) => u.id);
  const late = new Set(await vacantOn(addDays(start, 3 * 365)));
  const units = (await vacantOn(start)).filter((id) => late.has(id)).slice(4);
  let n = 0;
  for (const [i, story] of STORIES.entries()) {
    const customerId = ready[i];
    if (!customerId) break;
    let day = addDays(today, -story.filedDaysAgo);
    at(day, 9);
    const a = await createApplication(
      business,
      {
        customerId,
        spaceType: 'office',
        areaMin: story.area[0],
        areaMax: story.area[1],
        unitIds: story.withUnit ? [units[n++]!] : [],
        startDate: start,
        termMonths: i % 2 ? 36 : 24,
        occupants: story.occupants,
        intendedUse: 'office',
        useDescription: '研发及行政办公',
        terms: {
          rentBasis: 'per_sqm_month',
          price: i % 3 ? '98' : '126.5',
          paymentCycleMonths: 3,
          depositMonths: 2,
          rentFreeMonths: i % 2,
          yearlyIncrease: '0.05',
          penaltyRatePerDay: story.steps.some((s) => s[0] === 'return') ? '0.003' : '0.0005',
        },
        notes: null,
      },
      day,
    );
    if (story.filedDaysAgo === 0) continue; // stays a draft
    at(day, 10);
    await submitApplication(business, a.id, day);
    for (const step of story.steps) {
      day = addDays(day, 1);
      at(day, 9 + ((i * 5 + day.charCodeAt(9)) % 8));
      if (step[0] === 'withdraw') await withdrawApplication(business, a.id, step[1]);
      else {
        const [decision, dept, comment] = step;
        await reviewApplication(
          as(dept),
          a.id,
          {
            decision,
            comment: comment ?? '同意。',
            rejectReason: decision === 'reject' ? 'ability_to_pay' : null,
            checklist: CHECKED[dept],
          },
          day,
        );
      }
    }
  }
  await expireNotices(ctx, today);
}
