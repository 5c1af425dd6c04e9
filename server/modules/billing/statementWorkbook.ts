import ExcelJS from 'exceljs';
import { entryText } from './statementDocument.ts';
import type { StatementRow } from './statementRepo.ts';

const YUAN = '#,##0.00;-#,##0.00;""';
/** Fen as yuan for a spreadsheet cell: exact to the fen once Excel's two-decimal format shows it. */
const yuan = (fen: number) => fen / 100;

/**
 * The statement as a spreadsheet for the customer's accountants: the same rows as the PDF, amounts as
 * numbers (yuan) so they can be summed, in Chinese like every document sent to a customer.
 */
export async function statementWorkbook(s: StatementRow): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对账单', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.columns = [
    { width: 12 },
    { width: 22 },
    { width: 48 },
    { width: 14, style: { numFmt: YUAN } },
    { width: 14, style: { numFmt: YUAN } },
    { width: 16, style: { numFmt: YUAN } },
  ];
  ws.addRow([`客户对账单 ${s.number}`]).font = { bold: true, size: 14 };
  ws.addRow(['客户', s.customerName]);
  ws.addRow(['对账期间', `${s.from} 至 ${s.to}`]);
  ws.addRow([]);
  ws.addRow(['日期', '单据号', '摘要', '应收（元）', '已收（元）', '余额（元）']).font = { bold: true };
  ws.addRow(['', '', '期初余额', null, null, yuan(s.openingFen)]);
  for (const e of s.entries)
    ws.addRow([
      e.date,
      e.document,
      entryText(e),
      e.debitFen ? yuan(e.debitFen) : null,
      e.creditFen ? yuan(e.creditFen) : null,
      yuan(e.balanceFen),
    ]);
  const debit = s.entries.reduce((n, e) => n + e.debitFen, 0);
  const credit = s.entries.reduce((n, e) => n + e.creditFen, 0);
  ws.addRow(['', '', '本期合计', yuan(debit), yuan(credit), yuan(s.closingFen)]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['', '', '余额为正数表示客户应付，负数表示预收。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
