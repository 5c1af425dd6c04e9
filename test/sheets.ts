import ExcelJS from 'exceljs';
import { completeUscc } from '../common/validators/uscc.ts';

/** A sheet for the import tests, benchmark and journey: headers as in the template, then the rows. */
export async function sheet(
  headers: string[],
  rows: (string | number | Date | null)[][],
  format: 'xlsx' | 'csv' = 'xlsx',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  if (format === 'csv') return Buffer.from(await wb.csv.writeBuffer());
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CUSTOMER_HEADERS = [
  '客户名称*',
  '统一社会信用代码*',
  '类型',
  '注册资本(万元)',
  '成立日期',
  '行业',
  '企业规模',
  '客户经理',
  '标签',
  '联系人',
  '职务',
  '手机',
  '邮箱',
];

/** A valid USCC for each n (Shanghai, company), different for different n below 10^8. */
export const uscc = (n: number) => completeUscc(`91310115${String(n).padStart(8, '0')}`);

/** Row n of a good customer sheet in CUSTOMER_HEADERS order. */
export function customerRow(n: number, name = `测试导入科技有限公司${n}`): (string | number | null)[] {
  return [
    name,
    uscc(n),
    '企业',
    '500',
    '2018-06-01',
    '信息技术',
    '小型',
    'business',
    '高新企业、重点客户',
    `联系人${n}`,
    '行政经理',
    `138${String(n).padStart(8, '0')}`,
    `contact${n}@example.com`,
  ];
}

/** A multipart/form-data body: text fields first, then the file. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tenantry${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        // Browsers send the name as raw UTF-8.
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
