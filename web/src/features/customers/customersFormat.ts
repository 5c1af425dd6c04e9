import type { CustomerStatus, DocumentView } from './customersApi.ts';

/** antd preset colours of the status tags: red is the one that must catch the eye. */
export const STATUS_COLORS: Record<CustomerStatus, string> = {
  prospect: 'default',
  applicant: 'processing',
  admitted: 'cyan',
  tenant: 'green',
  former: 'warning',
  blacklisted: 'red',
};

export const VALIDITY_COLORS: Record<DocumentView['validity'], string> = {
  valid: 'green',
  expiring: 'gold',
  expired: 'red',
  no_expiry: 'default',
};

/** A before or after value of the timeline, short and readable: lists joined, nothing as a dash. */
export function changeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(changeValue).join('、') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** File sizes as people read them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
