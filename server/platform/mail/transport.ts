import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** Where delivered messages go: an SMTP server, or nowhere but the outbox table (the default). */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
}

export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) {
    return { kind: 'outbox', send: async () => ({ messageId: null }), close: () => {} };
  }
  const t = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await t.sendMail(mail);
      return { messageId: info.messageId ?? null };
    },
    close: () => t.close(),
  };
}
