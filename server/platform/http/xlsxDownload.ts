import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download: an ASCII name for old clients and the real (Chinese) one in RFC 5987 form. */
export function attachment(reply: FastifyReply, name: string, asciiName: string): FastifyReply {
  return reply
    .type(XLSX)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
}

export interface SheetColumn<T> {
  header: string;
  width: number;
  /** Excel number format for numeric columns, e.g. '#,##0.00'. */
  numFmt?: string;
  value: (item: T) => string | number | null;
}

/**
 * Streams a list into a one-sheet workbook: the first page is fetched before anything is sent (so a bad
 * filter is still a JSON error), the rest page by page while the file goes out; memory stays at one page.
 */
export async function streamList<T>(
  reply: FastifyReply,
  o: {
    name: string;
    asciiName: string;
    sheetName: string;
    columns: SheetColumn<T>[];
    fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>;
    /** A last row in bold (a report's totals), asked for once every page is written. */
    footer?: () => (string | number | null)[] | null;
  },
) {
  let page = await o.fetch(undefined);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(o.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = o.columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const header = ws.addRow(o.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const write = async () => {
    for (;;) {
      for (const item of page.items) ws.addRow(o.columns.map((c) => c.value(item))).commit();
      if (!page.nextCursor) break;
      page = await o.fetch(page.nextCursor);
    }
    const last = o.footer?.();
    if (last) {
      const row = ws.addRow(last);
      row.font = { bold: true };
      row.commit();
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((e) => {
    reply.log.error({ err: e }, 'export failed while streaming');
    out.destroy(e as Error);
  });
  return attachment(reply, o.name, o.asciiName).send(out);
}
