import { BILLING_ERRORS } from './billing/errors.ts';
import { CONTRACT_ERRORS } from './contracts/errors.ts';
import type { Locale } from './locale.ts';

/**
 * Stable error codes with their messages. The server answers `{ error: { code, message, field? } }`;
 * the web app may re-translate by code. `{field}` and other `{name}` placeholders are filled from params.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '字段“{field}”有误：{detail}',
    en: 'Field "{field}" is invalid: {detail}',
  },
  BAD_REQUEST: { status: 400, zh: '请求格式有误', en: 'The request is malformed' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_THROTTLED: {
    status: 429,
    zh: '登录失败次数过多，请 {seconds} 秒后再试',
    en: 'Too many failed sign-ins; try again in {seconds} seconds',
  },
  CSRF_INVALID: { status: 403, zh: '请求缺少有效的 CSRF 令牌', en: 'Missing or invalid CSRF token' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到{entity}', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  USER_USERNAME_TAKEN: {
    status: 409,
    zh: '用户名“{username}”已被使用',
    en: 'Username "{username}" is taken',
  },
  USER_WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  USER_CANNOT_DEACTIVATE_SELF: {
    status: 409,
    zh: '不能停用自己的账号',
    en: 'You cannot deactivate your own account',
  },
  USER_LAST_ADMIN: {
    status: 409,
    zh: '机构至少需要保留一名启用的管理员',
    en: 'The organization must keep at least one active administrator',
  },
  USER_CUSTOMER_ROLE_EXCLUSIVE: {
    status: 400,
    zh: '客户门户角色不能与员工角色同时授予',
    en: 'The customer role cannot be combined with staff roles',
  },
  ORG_USCC_INVALID: {
    status: 400,
    zh: '统一社会信用代码无效：{detail}',
    en: 'The Unified Social Credit Code is invalid: {detail}',
  },
  ORG_USCC_TAKEN: {
    status: 409,
    zh: '统一社会信用代码 {uscc} 已有机构使用',
    en: 'An organization with USCC {uscc} already exists',
  },
  OUTBOX_NOT_FAILED: {
    status: 409,
    zh: '只有发送失败的邮件才能重新发送',
    en: 'Only a message that failed can be sent again',
  },
  DOCUMENT_KIND_UNKNOWN: {
    status: 404,
    zh: '没有“{kind}”这种文件',
    en: 'There is no document kind "{kind}"',
  },
  SITE_NAME_TAKEN: {
    status: 409,
    zh: '已有名为“{name}”的园区/大厦',
    en: 'There is already a site named "{name}"',
  },
  BUILDING_NAME_TAKEN: {
    status: 409,
    zh: '该园区已有名为“{name}”的楼栋',
    en: 'This site already has a building named "{name}"',
  },
  BUILDING_FLOORS_IN_USE: {
    status: 409,
    zh: '第 {floor} 层仍有单元，不能减少楼层',
    en: 'Floor {floor} still has units; the building cannot lose it',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    zh: '该楼栋已有编号为“{code}”的单元',
    en: 'This building already has a unit "{code}"',
  },
  UNIT_AREAS_INVALID: {
    status: 400,
    zh: '面积应满足：使用面积 ≤ 套内面积 ≤ 建筑面积，且均大于 0',
    en: 'Areas must be usable ≤ inside ≤ gross, all above zero',
  },
  UNIT_FLOOR_OUT_OF_RANGE: {
    status: 400,
    zh: '楼层 {floor} 不在该楼栋的楼层范围内',
    en: 'Floor {floor} is not a floor of this building',
  },
  UNIT_NOT_AVAILABLE: {
    status: 409,
    zh: '单元 {code} 在 {from} 至 {to} 期间已被占用（预留、出租或不可用）',
    en: 'Unit {code} is taken (reserved, leased or unavailable) between {from} and {to}',
  },
  UNIT_EVER_LEASED: {
    status: 409,
    zh: '该单元签过合同，不能删除；请改为停用',
    en: 'This unit has had a contract and cannot be deleted; retire it instead',
  },
  DATE_RANGE_INVALID: {
    status: 400,
    zh: '结束日期不能早于开始日期',
    en: 'The end date is before the start date',
  },
  OCCUPANCY_NOT_MANUAL: {
    status: 409,
    zh: '只能在此解除手工设置的不可用期间；预留和租约随申请、合同变化',
    en: 'Only a period set unavailable by hand can be released here; reservations and leases follow their applications and contracts',
  },
  CUSTOMER_USCC_INVALID: {
    status: 400,
    zh: '统一社会信用代码无效：{detail}',
    en: 'The Unified Social Credit Code is invalid: {detail}',
  },
  CUSTOMER_USCC_TAKEN: {
    status: 409,
    zh: '统一社会信用代码 {uscc} 已属于客户“{name}”',
    en: 'USCC {uscc} already belongs to customer "{name}"',
  },
  CUSTOMER_NAME_SIMILAR: {
    status: 409,
    zh: '已有名称相近的客户：{names}。确认不是同一家公司后可继续保存',
    en: 'Customers with similar names exist: {names}. Save anyway if this is a different company',
  },
  CUSTOMER_ACCOUNT_MANAGER_INVALID: {
    status: 400,
    zh: '客户经理必须是启用的业务部人员',
    en: 'The account manager must be an active member of the business department',
  },
  CUSTOMER_BLACKLISTED: {
    status: 409,
    zh: '客户“{name}”已列入黑名单，不能办理此业务',
    en: 'Customer "{name}" is blacklisted',
  },
  CUSTOMER_NOT_BLACKLISTED: {
    status: 409,
    zh: '该客户不在黑名单中',
    en: 'This customer is not blacklisted',
  },
  CUSTOMER_STATUS_MANAGED: {
    status: 409,
    zh: '客户状态随申请和合同变化，不能直接修改',
    en: 'A customer status follows applications and contracts and cannot be set by hand',
  },
  CONTACT_NEEDS_WAY: {
    status: 400,
    zh: '联系人至少需要手机/电话或电子邮箱之一',
    en: 'A contact needs a phone number or an e-mail address',
  },
  DOCUMENT_FILE_MISSING: {
    status: 400,
    zh: '请选择要上传的文件',
    en: 'Choose a file to upload',
  },
  DOCUMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '只能上传 PDF、PNG 或 JPEG 文件（文件内容不是这几种格式）',
    en: 'Only PDF, PNG or JPEG files can be uploaded (the content is none of these)',
  },
  DOCUMENT_TOO_LARGE: {
    status: 413,
    zh: '文件不能超过 {limit}',
    en: 'The file must not be larger than {limit}',
  },
  APPLICATION_TRANSITION_INVALID: {
    status: 409,
    zh: '申请当前状态为“{status}”，不能{action}',
    en: 'The application is {status}; it cannot be {action}',
  },
  APPLICATION_NOT_EDITABLE: {
    status: 409,
    zh: '只有草稿或已退回的申请可以修改',
    en: 'Only a draft or returned application can be changed',
  },
  APPLICATION_CUSTOMER_REQUIRED: {
    status: 400,
    zh: '请选择已有客户或填写新客户信息（二选一）',
    en: 'Choose an existing customer or enter a new one (one of the two)',
  },
  APPLICATION_AREA_RANGE: {
    status: 400,
    zh: '最小面积不能大于最大面积',
    en: 'The smallest area cannot be larger than the largest',
  },
  APPLICATION_UNIT_TYPE: {
    status: 400,
    zh: '单元 {code} 的类型与申请的空间类型不符',
    en: 'Unit {code} is not of the space type applied for',
  },
  APPLICATION_PLACE_MISMATCH: {
    status: 400,
    zh: '所选楼栋或单元不在所选园区/楼栋内',
    en: 'The building or units chosen are not in the site or building chosen',
  },
  APPLICATION_DOCUMENT_MISSING: {
    status: 409,
    zh: '提交前请上传客户的{kind}',
    en: "Upload the customer's {kind} before submitting",
  },
  APPLICATION_DOCUMENT_EXPIRED: {
    status: 409,
    zh: '客户的{kind}已于 {expiresOn} 过期，请上传有效文件后再提交',
    en: "The customer's {kind} expired on {expiresOn}; upload a valid one before submitting",
  },
  APPLICATION_WRONG_STAGE_ROLE: {
    status: 403,
    zh: '“{stage}”环节须由{role}审批',
    en: 'The {stage} stage is decided by {role}',
  },
  APPLICATION_SAME_REVIEWER: {
    status: 409,
    zh: '您已审批过本申请的“{stage}”环节，同一人不能审批同一申请的两个环节',
    en: 'You already decided the {stage} stage of this application; one person may not decide two stages',
  },
  APPLICATION_COMMENT_REQUIRED: {
    status: 400,
    zh: '退回或拒绝时必须填写意见；批准时如有未勾选的检查项也须说明',
    en: 'A comment is required to return or reject, and to approve with an item unchecked',
  },
  APPLICATION_REJECT_REASON_REQUIRED: {
    status: 400,
    zh: '拒绝时请选择拒绝原因',
    en: 'Choose a reason for the rejection',
  },
  APPLICATION_CHECKLIST_INVALID: {
    status: 400,
    zh: '审批检查项不完整：{detail}',
    en: 'The review checklist is incomplete: {detail}',
  },
  IMPORT_FILE_MISSING: { status: 400, zh: '请选择要导入的文件', en: 'Choose a file to import' },
  IMPORT_FILE_TYPE: {
    status: 415,
    zh: '只能导入 .xlsx 或 .csv 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）',
    en: 'Only .xlsx and .csv files can be imported (save an old .xls file as .xlsx in Excel)',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    zh: '导入文件不能超过 {limit}',
    en: 'The file to import must not be larger than {limit}',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    zh: '无法读取该文件，请确认是 Excel 保存的 .xlsx 文件',
    en: 'The file cannot be read; make sure it is an .xlsx file saved by Excel',
  },
  IMPORT_EMPTY: {
    status: 400,
    zh: '文件中没有可导入的数据行（第一行应为列名）',
    en: 'The file has no rows to import (the first row must be the headers)',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: '一次最多导入 {max} 行，请拆分文件',
    en: 'At most {max} rows can be imported at once; split the file',
  },
  IMPORT_MISSING_COLUMNS: {
    status: 400,
    zh: '缺少必填列：{columns}。请使用导入模板',
    en: 'Required columns are missing: {columns}. Use the import template',
  },
  IMPORT_HAS_ERRORS: {
    status: 409,
    zh: '有 {count} 行存在问题，未导入任何数据；请修改后重新上传，或选择只导入无误的行',
    en: '{count} rows have problems and nothing was imported; fix the file and upload it again, or import only the rows without problems',
  },
  IMPORT_NOT_PREVIEWED: {
    status: 409,
    zh: '该批导入已提交或已放弃，不能再次导入',
    en: 'This import has already been committed or discarded',
  },
  IMPORT_CONFLICT: {
    status: 409,
    zh: '导入时有人同时新增了相同的数据，请重试',
    en: 'Someone added the same data while importing; try again',
  },
  JOB_UNKNOWN: { status: 404, zh: '没有名为“{job}”的任务', en: 'There is no job named "{job}"' },
  JOB_RUNNING: {
    status: 409,
    zh: '任务“{job}”正在运行，请稍后再试',
    en: 'Job "{job}" is already running; try again later',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  INTERNAL_ERROR: {
    status: 500,
    zh: '服务器内部错误（请求编号 {requestId}）',
    en: 'Internal server error (request {requestId})',
  },
  ...CONTRACT_ERRORS,
  ...BILLING_ERRORS,
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; field?: string; requestId?: string };
}

/** What a NOT_FOUND names (`{entity}`), in each language: the server says notFound('customer'). */
export const ENTITY_NAMES = {
  application: { zh: '租赁申请', en: 'Application' },
  attachment: { zh: '附件', en: 'Attachment' },
  bill: { zh: '账单', en: 'Bill' },
  'bill line': { zh: '账单明细', en: 'Bill line' },
  building: { zh: '楼栋', en: 'Building' },
  'charge request': { zh: '费用调整申请', en: 'Charge request' },
  contact: { zh: '联系人', en: 'Contact' },
  contract: { zh: '合同', en: 'Contract' },
  customer: { zh: '客户', en: 'Customer' },
  document: { zh: '文件', en: 'Document' },
  file: { zh: '文件', en: 'File' },
  import: { zh: '导入批次', en: 'Import' },
  invoice: { zh: '发票', en: 'Invoice' },
  message: { zh: '邮件', en: 'Message' },
  meter: { zh: '水电表', en: 'Meter' },
  notice: { zh: '准入通知书', en: 'Admission notice' },
  notification: { zh: '通知', en: 'Notification' },
  occupancy: { zh: '占用记录', en: 'Occupancy' },
  organization: { zh: '机构', en: 'Organization' },
  payment: { zh: '收款记录', en: 'Payment' },
  reading: { zh: '抄表读数', en: 'Meter reading' },
  settlement: { zh: '退租结算', en: 'Settlement' },
  site: { zh: '园区', en: 'Site' },
  statement: { zh: '对账单', en: 'Statement' },
  unit: { zh: '单元', en: 'Unit' },
  user: { zh: '用户', en: 'User' },
  'utility rate': { zh: '水电单价', en: 'Utility rate' },
  violation: { zh: '违约记录', en: 'Violation' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type EntityName = keyof typeof ENTITY_NAMES;

export function formatError(
  code: ErrorCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const template = locale === 'en' ? ERRORS[code].en : ERRORS[code].zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in params)) return `{${k}}`;
    const value = String(params[k]);
    // An entity is named in the reader's language, not by its key.
    if (k === 'entity' && Object.hasOwn(ENTITY_NAMES, value)) {
      return ENTITY_NAMES[value as EntityName][locale === 'en' ? 'en' : 'zh'];
    }
    return value;
  });
}
