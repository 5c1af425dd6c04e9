import { CheckSquareOutlined, FileExcelOutlined, FilePdfOutlined, MailOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Popconfirm, Radio, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { businessDay, textOrNull } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { useCanHandleMoney } from './billingApi.ts';
import { STATEMENT_STATUS_COLORS } from './statementFormat.ts';
import {
  respondToStatement,
  STATEMENTS_KEY,
  type StatementStatus,
  type StatementSummary,
  sendStatement,
  statementPdfUrl,
  statementXlsxUrl,
} from './statementsApi.ts';

export function StatementStatusTag({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATEMENT_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="statement-status"
    >
      {t(`statements.statuses.${status}`)}
    </Tag>
  );
}

interface AnswerValues {
  response: 'confirmed' | 'disputed';
  respondedOn: Dayjs;
  respondent: string;
  note?: string;
}

/** The customer's answer to a statement as finance hears it: confirmed, or disputed with what is wrong. */
export function RespondStatementModal({ s, onClose }: { s: StatementSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useToday();
  const [form] = Form.useForm<AnswerValues>();
  const [submitting, setSubmitting] = useState(false);
  const disputed = Form.useWatch('response', form) === 'disputed';

  const finish = async (v: AnswerValues) => {
    setSubmitting(true);
    try {
      await respondToStatement(s.id, {
        response: v.response,
        respondedOn: businessDay(v.respondedOn),
        respondent: v.respondent.trim(),
        note: textOrNull(v.note) ?? undefined,
      });
      await queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
      void message.success(t(`statements.answer.done.${v.response}`, { number: s.number }));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  const filled = { ...required, whitespace: true };
  return (
    <FormModal<AnswerValues>
      open
      title={t('statements.answer.title', { number: s.number })}
      okText={t('statements.answer.submit')}
      form={form}
      submitting={submitting}
      width={520}
      initialValues={{ response: 'confirmed', respondedOn: today }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Form.Item name="response" label={t('statements.answer.response')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={(['confirmed', 'disputed'] as const).map((r) => ({
            value: r,
            label: t(`statements.statuses.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="respondedOn" label={t('statements.answer.respondedOn')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
      </Form.Item>
      <Form.Item name="respondent" label={t('statements.answer.respondent')} rules={[filled]}>
        <Input maxLength={100} placeholder={t('statements.answer.respondentPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('statements.answer.note')}
        rules={[
          ...(disputed ? [{ ...filled, message: t('statements.answer.noteRequired') }] : []),
          { max: 2000, message: t('statements.answer.noteLength') },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={disputed ? t('statements.answer.disputePlaceholder') : undefined}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Sends the statement by e-mail, after saying where it went before if it was sent already. */
function SendButton({ s, compact }: { s: StatementSummary; compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { org } = useUser();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const label = s.sentAt ? t('statements.resend') : t('statements.send');
  const send = async () => {
    setSending(true);
    try {
      const sent = await sendStatement(s.id);
      await queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
      void message.success(t('statements.sent', { number: sent.number, to: sent.sentTo }));
    } catch (e) {
      showError(e, message);
    } finally {
      setSending(false);
    }
  };
  return (
    <Popconfirm
      title={t('statements.sendConfirm', { number: s.number })}
      description={
        s.sentAt
          ? t('statements.sentBefore', { at: formatInstant(s.sentAt, org.timeZone), to: s.sentTo })
          : t('statements.sendHint')
      }
      onConfirm={() => void send()}
    >
      <Tooltip title={compact ? label : undefined}>
        <Button
          size={compact ? 'small' : 'middle'}
          type={compact ? 'link' : 'default'}
          icon={<MailOutlined />}
          loading={sending}
          aria-label={label}
          data-testid="send-statement"
        >
          {compact ? null : label}
        </Button>
      </Tooltip>
    </Popconfirm>
  );
}

/**
 * What can be done with an issued statement: its PDF and spreadsheet for everyone; sending it and
 * recording the customer's answer for finance and administrators (the server checks again).
 */
export function StatementActions({ s, compact }: { s: StatementSummary; compact?: boolean }) {
  const { t } = useTranslation();
  const canHandle = useCanHandleMoney();
  const [answering, setAnswering] = useState(false);
  const size = compact ? 'small' : 'middle';
  const type = compact ? 'link' : 'default';
  return (
    <>
      <Tooltip title={compact ? 'PDF' : undefined}>
        <Button
          size={size}
          type={type}
          icon={<FilePdfOutlined />}
          href={statementPdfUrl(s.id)}
          target="_blank"
          aria-label="PDF"
          data-testid="statement-pdf"
        >
          {compact ? null : 'PDF'}
        </Button>
      </Tooltip>
      <Tooltip title={compact ? 'Excel' : undefined}>
        <Button
          size={size}
          type={type}
          icon={<FileExcelOutlined />}
          href={statementXlsxUrl(s.id)}
          download
          aria-label="Excel"
          data-testid="statement-xlsx"
        >
          {compact ? null : 'Excel'}
        </Button>
      </Tooltip>
      {canHandle && <SendButton s={s} compact={compact} />}
      {canHandle && s.status === 'issued' && (
        <Button
          size={size}
          type={compact ? 'link' : 'primary'}
          icon={<CheckSquareOutlined />}
          onClick={() => setAnswering(true)}
          data-testid="answer-statement"
        >
          {t('statements.answer.action')}
        </Button>
      )}
      {answering && <RespondStatementModal s={s} onClose={() => setAnswering(false)} />}
    </>
  );
}
