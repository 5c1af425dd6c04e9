import { CHARGE_TYPE_LABELS } from '../../../common/billing/labels.ts';
import type { Labels } from '../../../common/labels.ts';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import type { Column } from './columns.ts';

type ChargeType = (typeof CHARGE_TYPES)[number];

const EN: Record<ChargeType, string> = {
  rent: 'Rent',
  property_fee: 'Property fee',
  other: 'Other charges',
  deposit: 'Deposit',
  utility: 'Utilities',
  one_off: 'One-off charge',
  penalty: 'Late-payment penalty',
};

/** As the sheet spells them: the bills' own names (CHARGE_TYPE_LABELS), rent first. */
export const CHARGE_TYPE_SHEET_LABELS = Object.fromEntries(
  (['rent', 'property_fee', 'other', 'utility', 'one_off', 'penalty', 'deposit'] as const).map((k) => [
    k,
    { 'zh-CN': CHARGE_TYPE_LABELS[k], en: EN[k] },
  ]),
) as Labels<ChargeType>;

/** Shorter names people type for the charge types. */
export const CHARGE_TYPE_ALIASES: Record<string, string> = {
  物业费: '物业服务费',
  管理费: '物业服务费',
  其他: '其他费用',
  水电费: '水电燃气费',
  能耗费: '水电燃气费',
  一次性: '一次性费用',
  违约金: '逾期付款违约金',
  滞纳金: '逾期付款违约金',
  押金: '保证金',
  租赁保证金: '保证金',
};

/** A deposit's item: the schedule's own names of the two deposits. */
export const DEPOSIT_NAME_SHEET_LABELS: Labels<'rent' | 'property_fee'> = {
  rent: { 'zh-CN': '租金保证金', en: 'Rent deposit' },
  property_fee: { 'zh-CN': '物业费保证金', en: 'Property fee deposit' },
};

const labels = (m: Record<string, { 'zh-CN': string }>) => Object.values(m).map((l) => l['zh-CN']);

/** Opening balances (期初余额): one row per bill line still unpaid, or per deposit held. */
export const OPENING_COLUMNS: Column[] = [
  {
    key: 'contractNumber',
    zh: '合同编号',
    en: 'Contract number',
    required: true,
    text: true,
    width: 18,
    example: '示例：HT-2025-000123',
    note: '系统中的合同编号（HT-年份-序号，可在合同列表查看）；合同须为已签约、履行中、已到期或已解除，存量合同请先用“存量合同”导入',
  },
  {
    key: 'chargeType',
    zh: '费用类型',
    en: 'Charge type',
    required: true,
    choices: labels(CHARGE_TYPE_SHEET_LABELS),
    width: 14,
    example: '租金',
    note: `可选：${labels(CHARGE_TYPE_SHEET_LABELS).join('、')}；“保证金”为已收取、尚未退还的保证金`,
  },
  {
    key: 'name',
    zh: '项目名称',
    en: 'Item name',
    width: 16,
    example: '期初余额',
    note: '账单明细上的名称，最多 60 个字；不填为“期初余额”。保证金填“租金保证金”或“物业费保证金”，不填为租金保证金',
  },
  {
    key: 'periodStart',
    zh: '计费期间起',
    en: 'Period from',
    width: 12,
    example: '2025-01-01',
    note: 'YYYY-MM-DD；除保证金外必填。保证金不填为合同起租日',
  },
  {
    key: 'periodEnd',
    zh: '计费期间止',
    en: 'Period to',
    width: 12,
    example: '2025-03-31',
    note: '含当日，不早于计费期间起；除保证金外必填。保证金不填为合同结束日',
  },
  {
    key: 'dueDate',
    zh: '到期日',
    en: 'Due date',
    width: 12,
    example: '2024-12-25',
    note: '原账单的付款到期日，可以早于今天（账龄与逾期按此计算）；除保证金外必填。保证金在导入当日入账',
  },
  {
    key: 'amount',
    zh: '金额（元，含税）',
    en: 'Amount (yuan, tax incl.)',
    aliases: ['金额', '金额(元)', '金额（元）', '未付金额', '含税金额'],
    required: true,
    width: 16,
    example: '30,000.00',
    note: '大于 0，最多两位小数。账单填尚未支付的金额（部分已付的只填未付部分）；保证金填已收取且尚未退还的金额',
  },
  {
    key: 'vatRate',
    zh: '税率',
    en: 'VAT rate',
    width: 8,
    example: '9%',
    note: '如 9% 或 0.09，最多四位小数；不填按机构设置（租金、其他费用、一次性费用、违约金取租金税率，物业服务费取物业费税率，水电燃气费取电费税率）。保证金不计税',
  },
  {
    key: 'originalBillNo',
    zh: '原账单号',
    en: 'Original bill no.',
    text: true,
    width: 16,
    example: 'ZL-2024-0456',
    note: '原系统中的账单号，最多 50 个字，记入明细的说明',
  },
  { key: 'notes', zh: '备注', en: 'Notes', width: 20, example: '', note: '最多 200 个字，记入明细的说明' },
];
