/**
 * A printable document (admission notice, contract, reminder, statement, receipt …) as data. Modules build
 * one; the document service renders it to PDF and to print-friendly HTML from the same model.
 */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Label/value pairs in two columns, e.g. party details. */
  | { type: 'fields'; rows: [label: string, value: string][] }
  | {
      type: 'table';
      columns: { title: string; align?: 'left' | 'right' | 'center'; width?: number }[];
      rows: string[][];
      /** A last row in bold, e.g. totals. */
      footer?: string[];
    }
  /** An amount in yuan with its amount in words (人民币大写). */
  | { type: 'amount'; label: string; fen: number }
  /** Signature and seal areas, one per party. */
  | { type: 'signatures'; parties: { title: string; name?: string; seal?: boolean; date?: string }[] };

export interface DocumentModel {
  /** The organization issuing it: its name heads the letterhead. */
  org: { name: string; address?: string | null; footer?: string | null };
  title: string;
  /** The document's number, e.g. ZD-202612-000045. */
  number?: string;
  /** Business date 'YYYY-MM-DD' printed on it. */
  date: string;
  /** Labels in the document's language. */
  labels?: { number: string; date: string; amountInWords: string; page: (n: number, of: number) => string };
  blocks: Block[];
}

export const ZH_LABELS: Required<DocumentModel>['labels'] = {
  number: '编号',
  date: '日期',
  amountInWords: '大写',
  page: (n, of) => `第 ${n} 页 / 共 ${of} 页`,
};

/** '2027-01-31' -> '2027年1月31日' */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
