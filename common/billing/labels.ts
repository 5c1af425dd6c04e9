import type { CHARGE_TYPES, PAYMENT_METHODS } from '../schemas/billing.ts';

/** Names printed on bills and receipts (the web app has its own translations). */
export const CHARGE_TYPE_LABELS: Record<(typeof CHARGE_TYPES)[number], string> = {
  rent: '租金',
  property_fee: '物业服务费',
  other: '其他费用',
  deposit: '保证金',
  utility: '水电燃气费',
  one_off: '一次性费用',
  penalty: '逾期付款违约金',
};

export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  bank_transfer: '银行转账',
  cash: '现金',
  wechat_pay: '微信支付',
  alipay: '支付宝',
  cheque: '支票',
  other: '其他',
};
