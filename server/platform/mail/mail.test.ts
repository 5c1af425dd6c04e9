import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf.ts';
import { DEMO_USERNAMES } from '../../db/seed/demo.ts';
import { systemCtx } from '../context.ts';
import { rows } from '../db/database.ts';
import type { DocumentKind } from '../documents/registry.ts';
import { enqueueMail } from './enqueue.ts';

interface Received {
  to: string[];
  subject: string;
  text: string;
  from: string;
  attachments: { filename?: string; contentType: string; content: Buffer }[];
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives; it can be told to refuse. */
async function startSmtp() {
  const received: Received[] = [];
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_addr, _session, cb) {
      cb(refuse ? Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }) : undefined);
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          const to = [m.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []);
          received.push({
            to,
            subject: m.subject ?? '',
            text: m.text ?? '',
            from: m.from?.text ?? '',
            attachments: m.attachments,
          });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setRefuse: (v: boolean) => {
      refuse = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const letter: DocumentKind = {
  kind: 'test-letter',
  roles: ['admin'],
  load: async (_ctx, id) => ({
    org: { name: '演示租赁有限公司' },
    title: '催缴通知书',
    number: `CJ-${id}`,
    date: '2027-01-31',
    blocks: [{ type: 'amount', label: '欠款金额', fen: 1640902 }],
  }),
};

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let h: Harness;
let admin: Session;
beforeAll(async () => {
  smtp = await startSmtp();
  h = await testApp({ SMTP_URL: smtp.url, MAIL_FROM: 'billing@demo.tenantry.cn' });
  h.deps.documents.register(letter);
  admin = await h.login('admin');
});
afterAll(async () => {
  await h.close();
  await smtp.close();
});

const deliver = async (s: Session = admin) => {
  const r = await h.call(s, 'POST', '/api/v1/jobs/deliver-outbox/runs', {});
  expect(r.statusCode).toBe(201);
  return r.json().counts as Record<string, number>;
};
const status = async (id: string) =>
  (
    await h.db.asSystem((tx) =>
      rows<{ status: string; attempts: number; last_error: string | null }>(
        tx,
        sql`select status, attempts, last_error from outbox where id = ${id}`,
      ),
    )
  )[0]!;

describe('mail through the outbox (issue 3 §5, R9.6)', () => {
  it('never sends a message written in a transaction that rolled back', async () => {
    await expect(
      h.db.inOrg(h.orgs.demo, async (tx) => {
        await enqueueMail(systemCtx(tx, h.orgs.demo), {
          to: ['ghost@example.cn'],
          subject: '不应发送',
          text: 'x',
        });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    // the demo users' welcome messages are what there is to send, and they go
    const counts = await deliver();
    expect(counts).toEqual({ sent: DEMO_USERNAMES.length, outbox: 0, retry: 0 });
    expect(smtp.received.map((m) => m.subject)).not.toContain('不应发送');
    expect(smtp.received.map((m) => m.to[0])).toContain('admin@demo.tenantry.cn');
    const left = await h.db.asSystem((tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from outbox where subject = '不应发送'`),
    );
    expect(left[0]!.n).toBe(0);
  });

  it('delivers to a real SMTP server with the PDF rendered at delivery', async () => {
    const [id] = await h.db.inOrg(h.orgs.demo, (tx) =>
      enqueueMail(systemCtx(tx, h.orgs.demo), {
        to: ['finance@customer.example.cn'],
        subject: '催缴通知书 CJ-42',
        text: '贵司尚有欠款，请于七日内支付。',
        attachments: [{ kind: 'test-letter', id: '42', filename: '催缴通知书-CJ-42.pdf' }],
        entityType: 'test',
        entityId: '42',
      }),
    );
    expect((await status(id!)).status).toBe('pending');
    expect(await deliver()).toMatchObject({ sent: 1, retry: 0 });
    const got = smtp.received.find((m) => m.subject === '催缴通知书 CJ-42')!;
    expect(got.to).toEqual(['finance@customer.example.cn']);
    expect(got.from).toContain('billing@demo.tenantry.cn');
    expect(got.from).toContain('演示租赁有限公司');
    expect(got.text.trim()).toBe('贵司尚有欠款，请于七日内支付。');
    expect(got.attachments).toHaveLength(1);
    expect(got.attachments[0]!.filename).toBe('催缴通知书-CJ-42.pdf');
    expect(got.attachments[0]!.contentType).toBe('application/pdf');
    const text = (await pdfText(got.attachments[0]!.content)).join('');
    expect(text).toContain('CJ-42');
    expect(text).toContain('人民币壹万陆仟肆佰零玖元零贰分');
    expect(await status(id!)).toMatchObject({ status: 'sent', attempts: 1 });
    // delivering again sends nothing twice
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(smtp.received.filter((m) => m.subject === '催缴通知书 CJ-42')).toHaveLength(1);
  });

  it('retries with back-off when the server refuses, and gives up after the last attempt', async () => {
    smtp.setRefuse(true);
    const [id] = await h.db.inOrg(h.orgs.demo, (tx) =>
      enqueueMail(systemCtx(tx, h.orgs.demo), { to: ['busy@example.cn'], subject: 'retry me', text: 'x' }),
    );
    expect(await deliver()).toMatchObject({ retry: 1 });
    let s = await status(id!);
    expect(s).toMatchObject({ status: 'pending', attempts: 1 });
    expect(s.last_error).toMatch(/450|mailbox unavailable/);
    const [wait] = await h.db.asSystem((tx) =>
      rows<{ secs: number }>(
        tx,
        sql`select extract(epoch from next_attempt_at - now())::int as secs from outbox where id = ${id}`,
      ),
    );
    expect(wait!.secs).toBeGreaterThan(50); // backs off (1 minute after the first failure)
    expect(await deliver()).toMatchObject({ retry: 0 }); // not due yet
    for (let attempt = 2; attempt <= 8; attempt++) {
      await h.db.asSystem((tx) =>
        tx.execute(sql`update outbox set next_attempt_at = now() where id = ${id}`),
      );
      await deliver();
    }
    s = await status(id!);
    expect(s).toMatchObject({ status: 'failed', attempts: 8 });
    // an admin may send it again once the cause is fixed
    smtp.setRefuse(false);
    const list = (await h.call(admin, 'GET', '/api/v1/outbox?status=failed')).json();
    expect(list.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await h.call(admin, 'POST', `/api/v1/outbox/${id}/retry`)).statusCode).toBe(204);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect((await status(id!)).status).toBe('sent');
    const again = await h.call(admin, 'POST', `/api/v1/outbox/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('OUTBOX_NOT_FAILED');
  });

  it('shows messages and renders their attachments in the app', async () => {
    const list = (await h.call(admin, 'GET', '/api/v1/outbox?q=CJ-42')).json();
    expect(list.items).toHaveLength(1);
    const m = list.items[0];
    expect(m).toMatchObject({ status: 'sent', attachments: [{ kind: 'test-letter', id: '42' }] });
    const detail = (await h.call(admin, 'GET', `/api/v1/outbox/${m.id}`)).json();
    expect(detail.text).toBe('贵司尚有欠款，请于七日内支付。');
    const pdf = await h.call(admin, 'GET', `/api/v1/outbox/${m.id}/attachments/0`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h.call(admin, 'GET', `/api/v1/outbox/${m.id}/attachments/3`)).statusCode).toBe(404);
  });
});

describe('mail without SMTP', () => {
  it('keeps delivered messages in the outbox, readable in the app', async () => {
    const local = await testApp();
    try {
      const s = await local.login('admin');
      await local.db.inOrg(local.orgs.demo, (tx) =>
        enqueueMail(systemCtx(tx, local.orgs.demo), {
          to: ['a@example.cn'],
          subject: '本地发件箱',
          text: '正文',
        }),
      );
      const r = await local.call(s, 'POST', '/api/v1/jobs/deliver-outbox/runs', {});
      expect(r.json().counts).toMatchObject({ outbox: DEMO_USERNAMES.length + 1, sent: 0 }); // with the demo users' welcome messages
      const items = (await local.call(s, 'GET', '/api/v1/outbox?status=delivered_to_outbox')).json().items;
      expect(items.map((m: { subject: string }) => m.subject)).toContain('本地发件箱');
    } finally {
      await local.close();
    }
  });
});
