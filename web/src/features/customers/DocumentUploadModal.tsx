import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Row, Select, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_MAX_BYTES } from '../../../../common/schemas/customers.ts';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { CUSTOMERS, type CustomerView, type DocumentKind, uploadDocument } from './customersApi.ts';

interface Values {
  kind: DocumentKind;
  title?: string;
  documentNo?: string;
  issuedOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  file: UploadFile[];
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Uploads a licence or another paper; the file goes with the form, not on its own when picked. */
export function DocumentUploadModal({ customer, onClose }: { customer: CustomerView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const required = { required: true, message: t('validation.required') };

  const onFinish = async (values: Values) => {
    const file = values.file[0]?.originFileObj;
    if (!file) return;
    setSubmitting(true);
    try {
      const saved = await uploadDocument(
        customer.id,
        {
          kind: values.kind,
          title: values.title?.trim() || null,
          documentNo: values.documentNo?.trim() || null,
          issuedOn: day(values.issuedOn),
          expiresOn: day(values.expiresOn),
        },
        file,
      );
      void message.success(t('customers.documents.uploaded', { name: saved.fileName }));
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const fileRule = {
    validator: async (_: unknown, files: UploadFile[] | undefined) => {
      const file = files?.[0];
      if (!file) throw new Error(t('customers.documents.fileRequired'));
      if ((file.size ?? 0) > DOCUMENT_MAX_BYTES) throw new Error(t('customers.documents.tooLarge'));
    },
  };
  const notBeforeIssued = ({ getFieldValue }: { getFieldValue: (name: string) => Dayjs | undefined }) => ({
    validator: async (_: unknown, expires: Dayjs | null | undefined) => {
      const issued = getFieldValue('issuedOn');
      if (issued && expires?.isBefore(issued, 'day'))
        throw new Error(t('customers.documents.expiresBeforeIssued'));
    },
  });

  return (
    <FormModal<Values>
      open
      title={t('customers.documents.uploadTitle', { name: customer.name })}
      okText={t('customers.documents.upload')}
      form={form}
      submitting={submitting}
      width={600}
      initialValues={{ kind: 'business_licence', file: [] }}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item
        name="file"
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
        rules={[fileRule]}
        extra={t('customers.documents.fileHint')}
      >
        <Upload.Dragger accept={ACCEPT} maxCount={1} beforeUpload={() => false}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('customers.documents.drop')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('customers.documents.kind')} rules={[required]}>
            <Select
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`customers.documentKinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="documentNo" label={t('customers.documents.documentNo')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="title" label={t('customers.documents.title')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="issuedOn" label={t('customers.documents.issuedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="expiresOn"
            label={t('customers.documents.expiresOn')}
            dependencies={['issuedOn']}
            rules={[notBeforeIssued]}
            extra={t('customers.documents.expiresHint')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
