import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { yuanText } from '../contracts/contractsFormat.ts';
import { type PaymentView, receiptUrl } from './billingApi.ts';

/** The payment just recorded: its number, where the money went, and the receipt to print. */
export function PaymentDone({ payment, onClose }: { payment: PaymentView; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Modal
      open
      title={t('billing.pay.title')}
      width={560}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="open" onClick={() => navigate(`/payments/${payment.id}`)}>
          {t('billing.pay.openPayment')}
        </Button>,
        <Button
          key="print"
          icon={<PrinterOutlined />}
          href={receiptUrl(payment.id)}
          target="_blank"
          data-testid="print-receipt"
        >
          {t('billing.printReceipt')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose} autoFocus>
          {t('billing.close')}
        </Button>,
      ]}
    >
      <Result
        status="success"
        title={t('billing.pay.done', { number: payment.number })}
        style={{ padding: '16px 0 8px' }}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        data-testid="payment-done"
        items={[
          {
            key: 'number',
            label: t('billing.payments.number'),
            children: <span style={{ fontFamily: 'monospace' }}>{payment.number}</span>,
          },
          { key: 'customer', label: t('billing.customer'), children: payment.customerName },
          { key: 'amount', label: t('billing.pay.amount'), children: yuanText(payment.amountFen) },
          {
            key: 'allocated',
            label: t('billing.payments.allocated'),
            children: yuanText(payment.allocatedFen),
          },
          {
            key: 'credit',
            label: t('billing.pay.toCredit'),
            children: yuanText(payment.amountFen - payment.allocatedFen),
          },
        ]}
      />
    </Modal>
  );
}
