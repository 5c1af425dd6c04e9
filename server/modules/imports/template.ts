import ExcelJS from 'exceljs';
import type { ImportKind } from '../../../common/schemas/imports.ts';
import { COLUMNS } from './columns.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E8FB' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };
/** Rows given drop-downs and text formats: enough for any sheet a leasing company would type. */
const LAST_ROW = 5000;

/** exceljs keeps range validations (C2:C5000) but its types only know the per-cell ones. */
interface WithValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

/**
 * The template of an import: the header row (required columns marked *), one example row (its first text
 * starts with 示例：, so it is skipped if left in), drop-downs for enumerations, and a 说明 sheet.
 */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const columns = COLUMNS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tenantry';
  const ws = wb.addWorksheet(SHEET_NAMES[kind], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.addRow(columns.map((c) => (c.required ? `${c.zh}*` : c.zh)));
  header.eachCell((cell, i) => {
    cell.fill = HEADER_FILL;
    cell.font = columns[i - 1]!.required ? REQUIRED_FONT : { bold: true };
  });
  const example = ws.addRow(columns.map((c) => c.example));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${LAST_ROW}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${c.choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c.zh,
      error: `可选：${c.choices.join('、')}`,
    });
  });

  const notes = wb.addWorksheet('说明');
  notes.columns = [
    { header: '列名', key: 'column', width: 18 },
    { header: '必填', key: 'required', width: 6 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.getRow(1).fill = HEADER_FILL;
  for (const c of columns) notes.addRow({ column: c.zh, required: c.required ? '是' : '', note: c.note });
  notes.addRow({});
  for (const line of GENERAL_NOTES[kind]) notes.addRow({ column: '', required: '', note: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SHEET_NAMES: Record<ImportKind, string> = {
  customers: '客户',
  units: '单元',
  contracts: '存量合同',
  opening_balances: '期初余额',
};

const GENERAL_NOTES: Record<ImportKind, string[]> = {
  customers: [
    '第一行为列名，请勿修改；列的顺序可以调整，不需要的非必填列可以删除。',
    '以“示例：”开头的行不会导入，可以保留或删除。',
    '上传后系统逐行检查，列出每一行的问题（行号、列、原因）；可以只导入没有问题的行。',
    '导入的客户状态为“意向客户”，联系人设为主要联系人。也可上传 CSV 文件（UTF-8 或 GBK 编码）。',
  ],
  units: [
    '第一行为列名，请勿修改；列的顺序可以调整，不需要的非必填列可以删除。',
    '以“示例：”开头的行不会导入，可以保留或删除。',
    '园区和楼栋须已在“园区与楼栋”中建立；单元编号在楼栋内不能重复。',
    '上传后系统逐行检查，列出每一行的问题（行号、列、原因）；可以只导入没有问题的行。',
  ],
  contracts: [
    '第一行为列名，请勿修改；列的顺序可以调整，不需要的非必填列可以删除。',
    '以“示例：”开头的行不会导入，可以保留或删除。',
    '每行一份已签订的租赁合同。客户须已在系统中（可先导入客户），园区、楼栋和单元须已建立。',
    '合同导入后即为已签约（填写交付日期的为履行中，结束日期早于今天的为已到期），单元在租期内标记为已租，客户成为在租客户。',
    '“已结算至”为在系统外已开账单的最后一天，系统从次日起计费，不会重复收取此前的租金。',
    '未填写的税率、违约金日比例和宽限天数按“机构设置”中的默认值；合同条款取相应的合同模板。',
    '上传后系统逐行检查（含同一文件中租期重叠的单元），列出每一行的问题（行号、列、原因）；可以只导入没有问题的行。',
    '只有系统管理员可以导入存量合同。',
  ],
  opening_balances: [
    '第一行为列名，请勿修改；列的顺序可以调整，不需要的非必填列可以删除。',
    '以“示例：”开头的行不会导入，可以保留或删除。',
    '启用系统时导入每份合同尚未支付的账单和已收取的保证金：每行一项费用。合同须已在系统中（存量合同请先导入，“已结算至”之前的费用系统不会再出账）。',
    '导入后每行为一条账单明细，当日出账（同一合同、同一到期日的明细合为一张账单），到期日早于今天的即为逾期，计入账龄。',
    '保证金按导入当日收到记账（收款方式“其他”，备注“期初保证金”），计入合同的保证金台账。',
    '同一合同的同一费用（费用类型、项目名称、计费期间起均相同）在文件中只能出现一次，已出账或已在计费计划中的费用不能再导入。',
    '上传后系统逐行检查，列出每一行的问题（行号、列、原因）；可以只导入没有问题的行。',
    '财务人员和系统管理员可以导入期初余额；导入当日的账期须未关闭。',
  ],
};
