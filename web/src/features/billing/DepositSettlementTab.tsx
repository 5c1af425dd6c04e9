import { FilePdfOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Popconfirm, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showError } from '../../app/formErrors.ts';
import type { ContractView } from '../contracts/contractsApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { BILLING, useCanHandleMoney } from './billingApi.ts';
import { AddItemModal, RefundModal } from './SettlementModals.tsx';
import { Items, Ledger } from './SettlementTables.tsx';
import {
  confirmSettlement,
  draftSettlement,
  manualItemsOf,
  settlementDocumentUrl,
  useContractSettlement,
  useDepositLedger,
} from './settlementApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MONO = { ...NOWRAP, fontFamily: 'monospace' } as const;
const STATUS_COLORS = { draft: 'gold', confirmed: 'blue', refunded: 'green', cancelled: 'default' } as const;

function Heading({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '16px 0 8px' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}

/** A button that is disabled says why, in its tooltip. */
function Why({ why, children }: { why: string | null; children: ReactNode }) {
  return why ? (
    <Tooltip title={why}>
      <span data-testid="disabled-reason" data-reason={why}>
        {children}
      </span>
    </Tooltip>
  ) : (
    children
  );
}

/** The contract page's "deposit & settlement" tab: the deposit ledger, the settlement, its confirmation and refund. */
export function DepositSettlementTab({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canHandle = useCanHandleMoney();
  const ledger = useDepositLedger(contract.id);
  const settlement = useContractSettlement(contract.id);
  const [dialog, setDialog] = useState<'item' | 'refund' | null>(null);
  const [busy, setBusy] = useState(false);

  if (ledger.isError || settlement.isError)
    return <Alert type="error" showIcon title={(ledger.error ?? settlement.error)?.message} />;
  if (!ledger.data || settlement.data === undefined) return <Skeleton active paragraph={{ rows: 8 }} />;
  const s = settlement.data;
  const ended = contract.status === 'terminated' || contract.status === 'expired';

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(done);
    } catch (e) {
      showError(e, message);
    } finally {
      setBusy(false);
    }
  };
  const recompute = (items = s ? manualItemsOf(s) : []) =>
    act(() => draftSettlement(contract.id, items), t('settlement.computed'));

  const noRole = canHandle ? null : t('settlement.why.role');
  const moveOutMissing = s?.moveOutRequired && !s.movedOutOn ? t('settlement.why.moveOut') : null;
  const draftWhy =
    noRole ??
    (!ended
      ? t('settlement.why.notEnded')
      : s && s.status !== 'draft'
        ? t('settlement.why.confirmed')
        : null);
  const confirmWhy =
    noRole ??
    (!s
      ? t('settlement.why.noDraft')
      : s.status !== 'draft'
        ? t('settlement.why.confirmed')
        : moveOutMissing);
  const refundWhy =
    noRole ??
    (!s
      ? t('settlement.why.noDraft')
      : s.status === 'refunded'
        ? t('settlement.why.refunded')
        : s.status !== 'confirmed'
          ? t('settlement.why.notConfirmed')
          : moveOutMissing);

  return (
    <div data-testid="deposit-settlement">
      <Heading>{t('settlement.ledger.title')}</Heading>
      <Ledger ledger={ledger.data} contract={contract} />
      <Heading
        extra={
          <Space wrap>
            <Why why={draftWhy}>
              <Button
                disabled={Boolean(draftWhy)}
                loading={busy}
                onClick={() => void recompute()}
                data-testid="settlement-compute"
              >
                {s ? t('settlement.recompute') : t('settlement.compute')}
              </Button>
            </Why>
            <Why why={draftWhy ?? (!s ? t('settlement.why.noDraft') : null)}>
              <Button
                icon={<PlusOutlined />}
                disabled={Boolean(draftWhy ?? !s)}
                onClick={() => setDialog('item')}
              >
                {t('settlement.addItem')}
              </Button>
            </Why>
            <Why why={confirmWhy}>
              <Popconfirm
                title={t('settlement.confirmTitle')}
                description={t('settlement.confirmWarning')}
                disabled={Boolean(confirmWhy)}
                onConfirm={() => void act(() => confirmSettlement(s!.id), t('settlement.confirmed'))}
              >
                <Button
                  type="primary"
                  disabled={Boolean(confirmWhy)}
                  loading={busy}
                  data-testid="settlement-confirm"
                >
                  {t('settlement.confirm')}
                </Button>
              </Popconfirm>
            </Why>
            <Why why={refundWhy}>
              <Button
                disabled={Boolean(refundWhy)}
                onClick={() => setDialog('refund')}
                data-testid="settlement-refund"
              >
                {t('settlement.refund')}
              </Button>
            </Why>
            {s && (
              <>
                <Button icon={<PrinterOutlined />} href={settlementDocumentUrl(s.id, 'html')} target="_blank">
                  {t('settlement.print')}
                </Button>
                <Button
                  icon={<FilePdfOutlined />}
                  href={settlementDocumentUrl(s.id, 'pdf')}
                  target="_blank"
                  data-testid="settlement-pdf"
                >
                  PDF
                </Button>
              </>
            )}
          </Space>
        }
      >
        {t('settlement.title')}
        {s && (
          <Space size={8} style={{ marginInlineStart: 12, fontWeight: 'normal', fontSize: 14 }}>
            <span style={MONO} data-testid="settlement-number">
              {s.number}
            </span>
            <Tag color={STATUS_COLORS[s.status]} data-testid="settlement-status">
              {t(`settlement.statuses.${s.status}`)}
            </Tag>
            <Typography.Text type="secondary">{t('settlement.asOf', { date: s.asOf })}</Typography.Text>
          </Space>
        )}
      </Heading>
      <Flex vertical gap={8}>
        {!ended && <Alert type="info" showIcon title={t('settlement.why.notEnded')} />}
        {moveOutMissing && (
          <Alert type="warning" showIcon title={moveOutMissing} data-testid="move-out-missing" />
        )}
        {s?.status === 'draft' && (s.liabilities || s.violations.length > 0) && (
          <Alert
            type="info"
            showIcon
            title={t('settlement.hints')}
            description={
              <Flex vertical gap={2}>
                {s.liabilities && <span>{t('settlement.liabilities', { text: s.liabilities })}</span>}
                {s.violations.map((v) => (
                  <span key={`${v.kind}${v.foundOn}`}>
                    {t('settlement.violation', { date: v.foundOn, text: v.description })}
                  </span>
                ))}
              </Flex>
            }
          />
        )}
        {s?.status === 'confirmed' && (
          <Alert
            type="success"
            showIcon
            title={t('settlement.confirmedNote', {
              by: s.confirmedByName ?? '',
              bill: s.bill?.number ?? '—',
              deducted: yuanText(s.deductedFen),
            })}
          />
        )}
        {s?.status === 'refunded' && (
          <Alert
            type="success"
            showIcon
            data-testid="settlement-refunded"
            title={t('settlement.refundedNote', {
              amount: yuanText(s.refundFen ?? 0),
              date: s.refundedOn,
              method: s.refundMethod ? t(`billing.methods.${s.refundMethod}`) : '',
              reference: s.refundReference ?? '',
            })}
          />
        )}
        {s && s.customerCreditFen > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('settlement.creditNote', { amount: yuanText(s.customerCreditFen) })}
          />
        )}
        {s ? (
          <Items
            s={s}
            contract={contract}
            onRemove={
              s.status === 'draft' && canHandle
                ? (at) => void recompute(manualItemsOf(s).filter((_, k) => k !== at))
                : undefined
            }
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settlement.none')} />
        )}
        {s?.bill && (
          <Typography.Text type="secondary">
            {t('settlement.billLink')} <Link to={`/bills/${s.bill.id}`}>{s.bill.number}</Link>
          </Typography.Text>
        )}
      </Flex>
      {dialog === 'item' && s && (
        <AddItemModal contract={contract} settlement={s} onClose={() => setDialog(null)} />
      )}
      {dialog === 'refund' && s && (
        <RefundModal settlement={s} heldFen={ledger.data.heldFen} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
