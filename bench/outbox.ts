import { sql } from 'drizzle-orm';
import { createOrganization } from '../server/modules/orgs/createOrganization.ts';
import { systemCtx } from '../server/platform/context.ts';
import { rows } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import type { OpenDatabase } from '../server/platform/db/open.ts';
import { openPglite } from '../server/platform/db/pglite.ts';
import { openPostgres } from '../server/platform/db/postgres.ts';
import { enqueueMail, type MailMessage } from '../server/platform/mail/enqueue.ts';

/**
 * Queuing N messages with PDF attachments through enqueueMail (1,000 per transaction, as a batch job
 * commits in chunks) against the raw limit: one INSERT ... SELECT writing the same rows. Attachments are
 * references, rendered at delivery, so queuing costs rows only.
 */
export async function outboxBench(size: number): Promise<{ ok: boolean; lines: string[] }> {
  let db: OpenDatabase;
  const url = process.env.DATABASE_URL;
  if (url) {
    db = await openPostgres(url, 4);
  } else {
    db = await openPglite({});
  }
  try {
    await migrate(db);
    const org = await db.asSystem((tx) =>
      createOrganization(tx, { name: `基准测试 ${Date.now()}`, uscc: '91310000MA1FL0R09G' }).catch(
        async () => {
          const r = await rows<{ id: string }>(
            tx,
            sql`select id from organizations where uscc = '91310000MA1FL0R09G'`,
          );
          return { id: r[0]!.id };
        },
      ),
    );
    const msg = (i: number): MailMessage => ({
      to: [`customer${i}@example.cn`],
      subject: `催缴通知书 CJ-${i}`,
      text: '贵司尚有欠款，请于七日内支付。',
      attachments: [{ kind: 'reminder-notice', id: String(i), filename: `催缴通知书-${i}.pdf` }],
      entityType: 'bill',
      entityId: String(i),
    });
    const t0 = performance.now();
    for (let start = 0; start < size; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - start) }, (_, k) => msg(start + k));
      await db.inOrg(org.id, (tx) => enqueueMail(systemCtx(tx, org.id), ...batch));
    }
    const viaApp = performance.now() - t0;
    const t1 = performance.now();
    await db.inOrg(org.id, (tx) =>
      tx.execute(sql`insert into outbox (id, org_id, "to", subject, text, attachments, entity_type, entity_id)
        select gen_random_uuid(), ${org.id}, array['customer' || i || '@example.cn'], '催缴通知书 CJ-' || i,
               '贵司尚有欠款，请于七日内支付。',
               jsonb_build_array(jsonb_build_object('kind', 'reminder-notice', 'id', i::text, 'filename', '催缴通知书-' || i || '.pdf')),
               'bill', i::text
          from generate_series(1, ${size}) i`),
    );
    const raw = performance.now() - t1;
    const ratio = viaApp / raw;
    return {
      ok: true,
      lines: [
        `outbox: queue ${size.toLocaleString('en')} messages with PDF references: ${(viaApp / 1000).toFixed(2)} s via enqueueMail, ` +
          `${(raw / 1000).toFixed(2)} s raw INSERT ... SELECT (ratio ${ratio.toFixed(1)}x, ${((viaApp / size) * 1000).toFixed(0)} µs a message, ${db.kind})`,
      ],
    };
  } finally {
    await db.close();
  }
}
