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
  PAYMENT_DEPOSIT_SETTLED: {
    status: 409,
    zh: '该收款支付的保证金已在结算单 {number} 中抵扣或退还，不能冲销；请按结算结果另行处理',
    en: 'The deposit this payment paid has been deducted or refunded in settlement {number}; the payment cannot be reversed',
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
  BILLING_PERIOD_CLOSED: {
    status: 409,
    zh: '账期已关闭至 {date}，该日期及以前不能再记账；请在未关闭的月份记入更正',
    en: 'The books are closed through {date}: nothing dated then or earlier can be posted; post the correction in an open month',
  },
  BILLING_CLOSE_NOT_PAST: {
    status: 400,
    zh: '只能关闭今天（{date}）以前的账期',
    en: 'Only days before today ({date}) can be closed',
  },
  BILLING_REOPEN_ADMIN_ONLY: {
    status: 403,
    zh: '账期已关闭至 {date}；重新打开已关闭的日期须由系统管理员操作',
    en: 'The books are closed through {date}; only an administrator can reopen closed days',
  },
  BILLING_REOPEN_REASON_REQUIRED: {
    status: 400,
    zh: '重新打开已关闭的账期须说明原因',
    en: 'Give a reason for reopening closed days',
  },
  BILL_NO_RECIPIENT: {
    status: 409,
    zh: '客户没有带电子邮箱的联系人，无法发送账单',
    en: 'The customer has no contact with an e-mail address to send the bill to',
  },
  STATEMENT_DISPUTE_NOTE_REQUIRED: {
    status: 400,
    zh: '对账有异议时请写明异议内容',
    en: 'Say what is disputed in the note',
  },
  STATEMENT_ALREADY_ANSWERED: {
    status: 409,
    zh: '对账单 {number} 已于 {date} 记录客户回复',
    en: 'Statement {number} already has the customer’s answer, recorded on {date}',
  },
  STATEMENT_ANSWER_BEFORE_ISSUE: {
    status: 400,
    zh: '回复日期不能早于对账单的出具日期 {date}',
    en: 'The answer cannot be dated before the statement was issued ({date})',
  },
  STATEMENT_NO_RECIPIENT: {
    status: 409,
    zh: '客户没有带电子邮箱的联系人，无法发送对账单',
    en: 'The customer has no contact with an e-mail address to send the statement to',
  },
  UTILITY_METER_CODE_TAKEN: {
    status: 409,
    zh: '表计编号“{code}”已被使用',
    en: 'Meter code "{code}" is already in use',
  },
  UTILITY_METER_UNIT_REQUIRED: {
    status: 400,
    zh: '分户表需选择所属单元，公摊表需至少选择一个分摊单元',
    en: 'A unit meter needs its unit; a shared meter needs at least one unit to split among',
  },
  UTILITY_UNIT_NOT_IN_BUILDING: {
    status: 400,
    zh: '单元不属于所选楼栋或已停用',
    en: 'The unit is not in the chosen building or is retired',
  },
  UTILITY_PERCENT_NOT_100: {
    status: 400,
    zh: '分摊比例合计应为 100%，现为 {sum}%',
    en: 'The percentages must add up to 100%; they add up to {sum}%',
  },
  UTILITY_METER_IN_USE: {
    status: 409,
    zh: '表计已有读数，不能再修改编号、类型或楼栋',
    en: 'The meter has readings: its code, type and building can no longer change',
  },
  UTILITY_METER_RETIRED: {
    status: 409,
    zh: '表计 {code} 已停用',
    en: 'Meter {code} is retired',
  },
  UTILITY_METER_UNKNOWN: {
    status: 400,
    zh: '没有编号为“{code}”的表计',
    en: 'There is no meter with code "{code}"',
  },
  UTILITY_READING_LOWER: {
    status: 400,
    zh: '读数 {value} 低于上次读数 {previous}；如已换表请勾选“换表”并填写新表起始读数',
    en: 'Reading {value} is below the previous reading {previous}; mark a meter replacement with the new meter’s start value',
  },
  UTILITY_READING_BELOW_START: {
    status: 400,
    zh: '读数 {value} 低于新表起始读数 {start}',
    en: 'Reading {value} is below the new meter’s start value {start}',
  },
  UTILITY_START_VALUE_REQUIRED: {
    status: 400,
    zh: '换表时需填写新表起始读数',
    en: 'A meter replacement needs the new meter’s start value',
  },
  UTILITY_READING_DUPLICATE: {
    status: 409,
    zh: '表计 {code} 在 {date} 已有读数',
    en: 'Meter {code} already has a reading on {date}',
  },
  UTILITY_READING_NOT_AFTER: {
    status: 400,
    zh: '抄表日期应晚于上次抄表日期 {date}',
    en: 'The reading date must be after the previous reading ({date})',
  },
  UTILITY_READING_FUTURE: {
    status: 400,
    zh: '抄表日期不能晚于今天（{date}）',
    en: 'The reading date cannot be after today ({date})',
  },
  UTILITY_RATE_MISSING: {
    status: 400,
    zh: '{date} 没有适用的{type}单价，请先设置单价',
    en: 'No {type} price applies on {date}; set one first',
  },
  UTILITY_RATE_EXISTS: {
    status: 409,
    zh: '该类型在 {date} 已有单价',
    en: 'There is already a price of this type from {date}',
  },
  UTILITY_READING_NOT_LATEST: {
    status: 409,
    zh: '只能更正或删除表计的最新读数',
    en: 'Only a meter’s latest reading can be corrected or deleted',
  },
  UTILITY_READING_BILLED: {
    status: 409,
    zh: '该读数的费用已出账，不能再更正或删除（请做调整）',
    en: 'This reading’s charges are on a bill already; it can no longer be corrected or deleted (make an adjustment)',
  },
  UTILITY_READING_FORMAT: {
    status: 400,
    zh: '读数应为非负数，最多两位小数',
    en: 'A reading is a non-negative number with at most two decimals',
  },
  UTILITY_IMPORT_HAS_ERRORS: {
    status: 400,
    zh: '有 {count} 行有问题，未导入任何读数',
    en: '{count} rows have problems; no reading was imported',
  },
  SETTLEMENT_CONTRACT_NOT_ENDED: {
    status: 409,
    zh: '合同尚未解除或到期，不能结算',
    en: 'The contract has not been terminated or expired: there is nothing to settle yet',
  },
  SETTLEMENT_ALREADY_CONFIRMED: {
    status: 409,
    zh: '结算单 {number} 已确认，不能再修改或重复确认',
    en: 'Settlement {number} is already confirmed: it can no longer be changed or confirmed again',
  },
  SETTLEMENT_MOVE_OUT_REQUIRED: {
    status: 409,
    zh: '尚未记录退租验收，损坏赔偿未知，不能确认结算或退还保证金',
    en: 'The move-out inspection has not been recorded (damages are unknown): the settlement cannot be confirmed nor the deposit refunded',
  },
  SETTLEMENT_STALE: {
    status: 409,
    zh: '结算草稿计算后账务已有变化，请重新计算后再确认',
    en: 'The accounts changed since the draft was computed: recompute it before confirming',
  },
  SETTLEMENT_NOT_CONFIRMED: {
    status: 409,
    zh: '结算单 {number} 尚未由财务确认，不能退还保证金',
    en: 'Settlement {number} has not been confirmed by finance: the deposit cannot be refunded yet',
  },
  SETTLEMENT_ALREADY_REFUNDED: {
    status: 409,
    zh: '结算单 {number} 的保证金已于 {date} 退还',
    en: 'The deposit of settlement {number} was refunded on {date}',
  },
  SETTLEMENT_DATE_BEFORE: {
    status: 400,
    zh: '日期不能早于 {date}',
    en: 'The date cannot be before {date}',
  },
  SETTLEMENT_FILE_INVALID: {
    status: 400,
    zh: '所选凭证文件不属于该合同',
    en: 'The chosen evidence file is not one of this contract’s files',
  },
  CHARGE_REQUEST_TRANSITION_INVALID: {
    status: 409,
    zh: '费用调整单 {number} 已处理（{status}），不能再审批或撤回',
    en: 'Charge request {number} has already been dealt with ({status})',
  },
  CHARGE_REQUEST_SELF_APPROVAL: {
    status: 409,
    zh: '不能审批自己提交的费用调整单，请由另一位财务人员审批',
    en: 'You cannot approve a charge request you raised; another finance user must approve it',
  },
  CHARGE_REQUEST_NOT_YOURS: {
    status: 403,
    zh: '只有提交人或管理员可以撤回费用调整单',
    en: 'Only whoever raised the charge request, or an administrator, can withdraw it',
  },
  CHARGE_REQUEST_NOTE_REQUIRED: {
    status: 400,
    zh: '驳回时请填写原因',
    en: 'Say why the request is rejected',
  },
  CHARGE_CONTRACT_NOT_BILLED: {
    status: 409,
    zh: '合同 {number} 未签订或已作废，不能计费',
    en: 'Contract {number} is not signed or was cancelled: nothing can be charged on it',
  },
  CHARGE_UNIT_NOT_IN_CONTRACT: {
    status: 400,
    zh: '所选单元不在该合同中',
    en: 'The chosen unit is not one of the contract’s',
  },
  CHARGE_PERIOD_INVALID: {
    status: 400,
    zh: '服务结束日期不能早于开始日期',
    en: 'The service cannot end before it starts',
  },
  CHARGE_DUE_IN_PAST: {
    status: 400,
    zh: '到期日不能早于今天（{date}）',
    en: 'The due date cannot be before today ({date})',
  },
  CHARGE_LINE_NOT_CORRECTABLE: {
    status: 409,
    zh: '该明细不能在此调整：保证金通过结算处理，调整行请调整其原始明细',
    en: 'This line cannot be corrected here: deposits are settled at the end of the lease, and a correction corrects the original line',
  },
  CHARGE_CORRECTION_EXCEEDS: {
    status: 409,
    zh: '冲减后该项目金额不能为负：最多可冲减 {amount}',
    en: 'The item cannot go below zero: at most {amount} can be credited',
  },
  OPENING_CONTRACT_NOT_FOUND: {
    status: 404,
    zh: '未找到合同编号为 {number} 的合同',
    en: 'There is no contract numbered {number}',
  },
  OPENING_VALUE_REQUIRED: {
    status: 400,
    zh: '除保证金外必填',
    en: 'Required for every charge type but deposits',
  },
  OPENING_PERIOD_INVALID: {
    status: 400,
    zh: '计费期间止不能早于计费期间起',
    en: 'The period cannot end before it starts',
  },
  OPENING_AMOUNT_RANGE: {
    status: 400,
    zh: '金额应大于 0 且不超过 {max} 元',
    en: 'The amount must be more than 0 and at most {max} yuan',
  },
  OPENING_VAT_RATE: {
    status: 400,
    zh: '税率应不小于 0 且小于 1，最多四位小数，如 9% 或 0.09',
    en: 'The VAT rate must be at least 0 and below 1, with at most four decimals, such as 9% or 0.09',
  },
  OPENING_DEPOSIT_VAT: {
    status: 400,
    zh: '保证金不计增值税：税率请留空或填 0',
    en: 'Deposits carry no VAT: leave the rate empty or 0',
  },
  OPENING_DEPOSIT_NAME: {
    status: 400,
    zh: '保证金的项目名称应为“租金保证金”或“物业费保证金”（不填为租金保证金）',
    en: 'A deposit is either the rent deposit or the property-fee deposit (empty: rent deposit)',
  },
  OPENING_KEY_REPEATED: {
    status: 409,
    zh: '与第 {row} 行是同一合同的同一费用（费用类型、项目名称、计费期间起均相同）',
    en: 'The same charge of the same contract as row {row} (same type, item name and period start)',
  },
  OPENING_KEY_ISSUED: {
    status: 409,
    zh: '合同 {number} 已有该费用（费用类型、项目名称、计费期间起均相同）的账单 {bill}，不能重复导入',
    en: 'Contract {number} already has this charge (same type, item name and period start) on bill {bill}; it cannot be imported again',
  },
  OPENING_KEY_PLANNED: {
    status: 409,
    zh: '合同 {number} 的该费用已在计费计划中，将由出账生成账单，不能作为期初余额导入',
    en: 'Contract {number} already plans this charge: the billing run will bill it, so it cannot be imported as an opening balance',
  },
  INVOICE_NUMBER_TAKEN: {
    status: 409,
    zh: '发票号码 {number} 已登记',
    en: 'Invoice number {number} is already recorded',
  },
  INVOICE_LINE_TAKEN: {
    status: 409,
    zh: '账单 {bill} 的明细已开具发票 {number}，请先作废该发票',
    en: 'A line of bill {bill} is already on invoice {number}; void that invoice first',
  },
  INVOICE_LINE_NOT_CUSTOMERS: {
    status: 400,
    zh: '所选账单明细不存在或不属于该客户',
    en: 'A chosen bill line does not exist or is not this customer’s',
  },
  INVOICE_TOTAL_NOT_POSITIVE: {
    status: 400,
    zh: '发票金额必须大于零',
    en: 'The invoice total must be more than zero',
  },
  INVOICE_ALREADY_VOID: {
    status: 409,
    zh: '发票 {number} 已作废',
    en: 'Invoice {number} is already void',
  },
  REPORT_PERIOD_INVALID: {
    status: 400,
    zh: '报表期间无效：开始不能晚于结束，且最长 {months} 个月',
    en: 'Invalid report period: the start cannot be after the end, and it may span at most {months} months',
  },
} as const;
