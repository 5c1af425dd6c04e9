import type { Labels } from '../labels.ts';
import type {
  AREA_BASES,
  DELIVERY_METHODS,
  TERMINATION_REASONS,
  VIOLATION_ACTIONS,
  VIOLATION_KINDS,
} from '../schemas/contracts.ts';
import type { ContractAction, ContractStatus } from './machine.ts';

export const CONTRACT_STATUS_LABELS: Labels<ContractStatus> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  pending_signature: { 'zh-CN': '待签约', en: 'awaiting signature' },
  signed: { 'zh-CN': '已签约', en: 'signed' },
  active: { 'zh-CN': '履行中', en: 'active' },
  expired: { 'zh-CN': '已到期', en: 'expired' },
  terminated: { 'zh-CN': '已解除', en: 'terminated' },
  cancelled: { 'zh-CN': '已作废', en: 'cancelled' },
};

/** As the refused action reads in "cannot {action}". */
export const CONTRACT_ACTION_LABELS: Labels<ContractAction> = {
  edit: { 'zh-CN': '修改', en: 'edited' },
  submit: { 'zh-CN': '提交签约', en: 'submitted for signature' },
  reopen: { 'zh-CN': '退回修改', en: 'reopened' },
  explain: { 'zh-CN': '登记条款讲解', en: 'explained' },
  sign: { 'zh-CN': '签约', en: 'signed' },
  cancel: { 'zh-CN': '作废', en: 'cancelled' },
  hand_over: { 'zh-CN': '办理交付', en: 'handed over' },
  amend: { 'zh-CN': '变更', en: 'amended' },
  record_violation: { 'zh-CN': '登记违约', en: 'given a violation' },
  record_demand: { 'zh-CN': '登记催告', en: 'given a payment demand' },
  terminate: { 'zh-CN': '解除', en: 'terminated' },
  expire: { 'zh-CN': '到期', en: 'expired' },
  move_out: { 'zh-CN': '办理退租验收', en: 'moved out of' },
  renew: { 'zh-CN': '续签', en: 'renewed' },
  archive: { 'zh-CN': '变更归档信息', en: 'given a new archive place' },
};

/** The ledger's entries (合同台账). */
export const CONTRACT_EVENT_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  drafted: { 'zh-CN': '起草', en: 'Drafted' },
  edited: { 'zh-CN': '修改草稿', en: 'Draft edited' },
  submitted: { 'zh-CN': '提交签约', en: 'Submitted for signature' },
  reopened: { 'zh-CN': '退回修改', en: 'Reopened' },
  explained: { 'zh-CN': '条款讲解', en: 'Terms explained' },
  signed: { 'zh-CN': '签约', en: 'Signed' },
  archived: { 'zh-CN': '归档', en: 'Archived' },
  cancelled: { 'zh-CN': '作废', en: 'Cancelled' },
  handed_over: { 'zh-CN': '交付', en: 'Handed over' },
  amendment_proposed: { 'zh-CN': '提出变更', en: 'Amendment proposed' },
  amended: { 'zh-CN': '变更生效', en: 'Amended' },
  amendment_rejected: { 'zh-CN': '变更未获批准', en: 'Amendment rejected' },
  violation: { 'zh-CN': '违约登记', en: 'Violation recorded' },
  violation_action: { 'zh-CN': '违约处理', en: 'Violation acted on' },
  payment_demand: { 'zh-CN': '书面催告', en: 'Payment demand' },
  renewed: { 'zh-CN': '续签', en: 'Renewed' },
  terminated: { 'zh-CN': '解除', en: 'Terminated' },
  expired: { 'zh-CN': '到期', en: 'Expired' },
  holding_over: { 'zh-CN': '逾期占用', en: 'Holding over' },
  moved_out: { 'zh-CN': '退租验收', en: 'Moved out' },
  expiry_reminder: { 'zh-CN': '到期提醒', en: 'Expiry reminder' },
  violation_warning: { 'zh-CN': '异议期预警', en: 'Objection window warning' },
};

export const AREA_BASIS_LABELS: Labels<(typeof AREA_BASES)[number]> = {
  gross: { 'zh-CN': '建筑面积', en: 'gross area' },
  inside: { 'zh-CN': '套内面积', en: 'inside area' },
  usable: { 'zh-CN': '使用面积', en: 'usable area' },
};

export const TERMINATION_REASON_LABELS: Labels<(typeof TERMINATION_REASONS)[number]> = {
  expiry: { 'zh-CN': '期满终止', en: 'expiry' },
  mutual: { 'zh-CN': '协商解除', en: 'mutual agreement' },
  force_majeure: { 'zh-CN': '不可抗力', en: 'force majeure' },
  customer_breach: { 'zh-CN': '承租方违约', en: 'breach by the customer' },
  lessor_breach: { 'zh-CN': '出租方违约', en: 'breach by the lessor' },
};

export const VIOLATION_KIND_LABELS: Labels<(typeof VIOLATION_KINDS)[number]> = {
  change_of_use: { 'zh-CN': '擅自改变用途', en: 'change of use' },
  sublet: { 'zh-CN': '擅自转租', en: 'subletting' },
  other: { 'zh-CN': '其他违约', en: 'other' },
};

export const VIOLATION_ACTION_LABELS: Labels<(typeof VIOLATION_ACTIONS)[number]> = {
  notice: { 'zh-CN': '发出整改通知', en: 'notice to remedy' },
  consent: { 'zh-CN': '同意', en: 'consent granted' },
  termination: { 'zh-CN': '解除合同', en: 'termination' },
};

export const DELIVERY_METHOD_LABELS: Labels<(typeof DELIVERY_METHODS)[number]> = {
  in_person: { 'zh-CN': '当面送达', en: 'in person' },
  registered_mail: { 'zh-CN': '挂号信', en: 'registered mail' },
  courier: { 'zh-CN': '快递', en: 'courier' },
  email: { 'zh-CN': '电子邮件', en: 'e-mail' },
};
