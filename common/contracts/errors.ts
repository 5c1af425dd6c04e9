/** Contract error codes with their messages; spread into ERRORS (common/errors.ts). */
export const CONTRACT_ERRORS = {
  CONTRACT_TRANSITION_INVALID: {
    status: 409,
    zh: '合同当前状态为“{status}”，不能{action}',
    en: 'The contract is {status}; it cannot be {action}',
  },
  CONTRACT_APPLICATION_REQUIRED: {
    status: 400,
    zh: '请选择已批准的准入申请；没有准入申请的合同须由管理员填写原因',
    en: 'Choose the approved application; only an administrator may record a contract without one, with a reason',
  },
  CONTRACT_APPLICATION_NOT_APPROVED: {
    status: 409,
    zh: '准入申请 {number} 的状态为“{status}”，只有已批准且通知书有效的申请可以起草合同',
    en: 'Application {number} is {status}; only an approved application with a valid notice can be contracted',
  },
  CONTRACT_APPLICATION_CUSTOMER: {
    status: 400,
    zh: '准入申请 {number} 不是该客户的申请',
    en: 'Application {number} belongs to another customer',
  },
  CONTRACT_APPLICATION_TAKEN: {
    status: 409,
    zh: '准入申请 {number} 已有合同 {contract}',
    en: 'Application {number} already has contract {contract}',
  },
  CONTRACT_END_BEFORE_START: {
    status: 400,
    zh: '结束日期不能早于起租日期',
    en: 'The end date cannot be before the start date',
  },
  CONTRACT_TERM_TOO_LONG: {
    status: 400,
    zh: '租赁期限不得超过二十年（《民法典》第七百零五条），结束日期最晚为 {max}',
    en: 'A lease runs at most twenty years (Civil Code art. 705); the latest end date is {max}',
  },
  CONTRACT_RANGE_OUTSIDE_TERM: {
    status: 400,
    zh: '{what}须在租期（{start} 至 {end}）之内',
    en: '{what} must lie within the term ({start} to {end})',
  },
  CONTRACT_RANGE_INVALID: {
    status: 400,
    zh: '{what}的结束日期不能早于开始日期',
    en: '{what} ends before it starts',
  },
  CONTRACT_RANGE_OVERLAP: {
    status: 400,
    zh: '免租期 {from} 至 {to} 与另一段免租期重叠',
    en: 'The rent-free period {from} to {to} overlaps another one',
  },
  CONTRACT_ESCALATION_VALUE: {
    status: 400,
    zh: '递增值有误：按比例递增请填小数（如 0.05 表示 5%），按价格调整请填新单价（元）',
    en: 'Invalid increase: a percent is a fraction (0.05 = 5%), a price is the new price in yuan',
  },
  CONTRACT_UNIT_DUPLICATE: {
    status: 400,
    zh: '房源 {code} 重复出现',
    en: 'Unit {code} is listed twice',
  },
  CONTRACT_USE_MISMATCH: {
    status: 400,
    zh: '用途“{use}”不符合房源 {code} 的类型（{type}）',
    en: 'The use "{use}" does not fit unit {code} ({type})',
  },
  CONTRACT_LATE_FEE_ABOVE_LIMIT: {
    status: 400,
    zh: '违约金日比例 {rate} 超过本机构的上限 {limit}',
    en: 'The daily late-fee rate {rate} is above the organization’s limit {limit}',
  },
  CONTRACT_START_BEFORE_NOTICE: {
    status: 400,
    zh: '起租日期不能早于准入通知书的签发日 {date}',
    en: 'The start date cannot be before the admission notice was issued ({date})',
  },
  CONTRACT_NOT_EXPLAINED: {
    status: 409,
    zh: '签约前须先登记已向客户讲解合同条款（R3.1.3）',
    en: 'Record that the terms were explained to the customer before signing (R3.1.3)',
  },
  CONTRACT_NOTICE_EXPIRED: {
    status: 409,
    zh: '准入通知书 {number} 的签约期限为 {date}，已过期，不能再签约',
    en: 'Admission notice {number} had to be signed by {date}; it has lapsed',
  },
  CONTRACT_FILE_INVALID: {
    status: 400,
    zh: '所选文件不是本合同上传的{purpose}文件',
    en: 'The file is not a {purpose} file uploaded to this contract',
  },
  CONTRACT_DATE_IN_FUTURE: {
    status: 400,
    zh: '日期 {date} 晚于今天',
    en: 'The date {date} is after today',
  },
  CONTRACT_HANDOVER_BEFORE_START: {
    status: 400,
    zh: '交付日期不能早于起租日 {date}',
    en: 'The handover cannot be before the start date {date}',
  },
  CONTRACT_SIGNED_BEFORE_EXPLAINED: {
    status: 400,
    zh: '签约日期不能早于条款讲解日期 {date}',
    en: 'The signing date cannot be before the terms were explained ({date})',
  },
  CONTRACT_AMENDMENT_START_FIXED: {
    status: 400,
    zh: '变更不能改变起租日期（{date}），计费周期始终从原起租日起算',
    en: 'An amendment cannot move the start date ({date}); periods always count from it',
  },
  CONTRACT_AMENDMENT_EFFECTIVE: {
    status: 400,
    zh: '生效日期须在 {min} 至 {max} 之间',
    en: 'The effective date must be between {min} and {max}',
  },
  CONTRACT_CYCLE_CHANGE_BOUNDARY: {
    status: 400,
    zh: '计费周期只能在计费期的起始日变更，最近的起始日为 {date}',
    en: 'The billing cycle can only change on the first day of a period; the next one is {date}',
  },
  CONTRACT_FIXED_RENT_UNITS: {
    status: 400,
    zh: '按月固定租金只能用于一个房源；多个房源请为每个房源分别约定租金',
    en: 'A fixed monthly rent covers one unit; with several units give each unit its own rent',
  },
  CONTRACT_AMENDMENT_SAME_PERSON: {
    status: 409,
    zh: '变更须由提出人以外的管理层人员审批',
    en: 'An amendment must be approved by someone other than the person who proposed it',
  },
  CONTRACT_BILLED_THROUGH_OUTSIDE_TERM: {
    status: 400,
    zh: '“已结算至”须在 {min}（起租日前一天，即尚未结算）至 {max}（结束日期）之间',
    en: '"Billed through" must be between {min} (the day before the start: nothing billed yet) and {max} (the end date)',
  },
  CONTRACT_IMPORT_NOT_FOUND: {
    status: 400,
    zh: '未找到{what}',
    en: '{what} not found',
  },
  CONTRACT_AMENDMENT_PENDING: {
    status: 409,
    zh: '第 {version} 版变更尚待审批，请先处理',
    en: 'Amendment version {version} is waiting for approval; decide it first',
  },
  CONTRACT_AMENDMENT_NOT_PENDING: {
    status: 409,
    zh: '第 {version} 版不是待审批的变更',
    en: 'Version {version} is not an amendment waiting for approval',
  },
  CONTRACT_DEMAND_REQUIRED: {
    status: 409,
    zh: '因欠付租金解除合同，须先有书面催告且催告期限已过（《民法典》第七百二十二条）',
    en: 'Terminating for unpaid rent needs a formal demand whose deadline has passed (Civil Code art. 722)',
  },
  CONTRACT_NON_PAYMENT_REASON: {
    status: 400,
    zh: '欠付租金属于承租方违约，解除原因请选择“承租方违约”',
    en: 'Unpaid rent is a breach by the customer; choose that reason',
  },
  CONTRACT_TERMINATION_DATE: {
    status: 400,
    zh: '解除生效日期须在 {min} 至 {max} 之间',
    en: 'The termination must take effect between {min} and {max}',
  },
  CONTRACT_DEADLINE_BEFORE_DEMAND: {
    status: 400,
    zh: '付款期限须晚于催告日期，给客户合理的付款期限',
    en: 'The deadline must be after the demand: the customer needs a reasonable period to pay',
  },
  CONTRACT_VIOLATION_ACTED: {
    status: 409,
    zh: '该违约已处理（{action}）',
    en: 'This violation has already been acted on ({action})',
  },
  CONTRACT_MOVE_OUT_EARLY: {
    status: 409,
    zh: '租期至 {date} 届满；提前退租须先办理合同解除',
    en: 'The term runs to {date}; terminate the contract before an early move-out',
  },
  CONTRACT_RENEWAL_EXISTS: {
    status: 409,
    zh: '该合同已有续签合同 {number}',
    en: 'This contract already has renewal {number}',
  },
} as const;
