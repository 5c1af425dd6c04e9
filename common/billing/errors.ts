/** Billing error codes with their messages; spread into ERRORS (common/errors.ts). */
export const BILLING_ERRORS = {
  PAYMENT_KEY_REUSED: {
    status: 409,
    zh: '该幂等键已用于另一笔收款（{number}），金额或客户不同',
    en: 'This idempotency key was already used for another payment ({number}) with a different customer or amount',
  },
  PAYMENT_LINE_NOT_OPEN: {
    status: 409,
    zh: '所选账单明细不属于该客户或已结清',
    en: 'The chosen bill line is not this customer’s or is already settled',
  },
  PAYMENT_ALREADY_REVERSED: {
    status: 409,
    zh: '收款 {number} 已于 {date} 冲销',
    en: 'Payment {number} was reversed on {date}',
  },
  PAYMENT_REVERSED_BEFORE_RECEIVED: {
    status: 400,
    zh: '冲销日期不能早于收款日期 {date}',
    en: 'The reversal cannot be dated before the payment was received ({date})',
  },
  BILLING_DATE_IN_FUTURE: {
    status: 400,
    zh: '日期不能晚于今天（{date}）',
    en: 'The date cannot be after today ({date})',
  },
} as const;
