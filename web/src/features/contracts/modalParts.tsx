import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { useAccountManagers } from '../customers/customersApi.ts';
import { listUsers } from '../users/usersApi.ts';
import { withFormField } from './contractForm.ts';
import { CONTRACTS, type ContractView, type FilePurpose, uploadContractFile } from './contractsApi.ts';
import { useTermRules } from './useTermRules.ts';

export const FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Uploads the files picked in a field, one request each, and gives their ids in order. A file sent before
 * (the step itself was then refused and is being tried again) is not sent twice.
 */
export function useUploader(contractId: string) {
  const sent = useRef(new Map<string, string>());
  return async (purpose: FilePurpose, files: UploadFile[] | undefined): Promise<string[]> => {
    const ids: string[] = [];
    for (const f of files ?? []) {
      const known = sent.current.get(f.uid);
      if (known) ids.push(known);
      else if (f.originFileObj) {
        const saved = await uploadContractFile(contractId, purpose, f.originFileObj);
        sent.current.set(f.uid, saved.id);
        ids.push(saved.id);
      }
    }
    return ids;
  };
}

/**
 * Files chosen with the form and sent when it is submitted (not on their own when picked), up to `max`.
 * The value is antd's UploadFile list; `picked` gives the browser files.
 */
export function FilesField({
  name,
  label,
  max,
  required,
  extra,
}: {
  name: string;
  label: ReactNode;
  max: number;
  required?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const rule: Rule = {
    validator: async (_, files: UploadFile[] | undefined) => {
      if (required && !files?.length) throw new Error(t('contracts.files.required'));
      if (files?.some((f) => (f.size ?? 0) > FILE_MAX_BYTES)) throw new Error(t('contracts.files.tooLarge'));
    },
  };
  return (
    <Form.Item
      name={name}
      label={label}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-max)}
      rules={[rule]}
      extra={extra ?? t('contracts.files.hint')}
      required={required}
    >
      <Upload accept={FILE_ACCEPT} maxCount={max} multiple={max > 1} beforeUpload={() => false}>
        <Button icon={<UploadOutlined />}>{t('contracts.files.choose')}</Button>
      </Upload>
    </Form.Item>
  );
}

/** Staff who may keep the signed original: business users, and every staff member for administrators. */
export function StaffSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation();
  const admin = useUser().roles.includes('admin');
  const managers = useAccountManagers();
  const users = useQuery({
    queryKey: ['users', 'active-staff'],
    queryFn: () => listUsers({ active: 'true' }, undefined),
    enabled: admin,
  });
  const options = new Map<string, string>();
  for (const m of managers.data ?? []) options.set(m.id, m.displayName);
  for (const u of users.data?.items ?? [])
    if (!u.roles.includes('customer')) options.set(u.id, u.displayName);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      loading={managers.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('contracts.sign.custodianPlaceholder')}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}

/** Meter readings (handover and move-out): meter, kind, reading with up to three decimals. */
export function MeterReadingsField() {
  const { t } = useTranslation();
  const rules = useTermRules();
  const reading: Rule = {
    pattern: /^\d{1,10}(\.\d{1,3})?$/,
    message: t('contracts.meters.readingFormat'),
  };
  return (
    <Form.List name="meterReadings">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row gutter={8} key={field.key} data-testid="meter-row">
              <Col span={8}>
                <Form.Item
                  name={[field.name, 'meter']}
                  label={t('contracts.meters.meter')}
                  rules={[rules.text]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'kind']} label={t('contracts.meters.kind')}>
                  <Select
                    options={(['water', 'electricity', 'gas', 'other'] as const).map((k) => ({
                      value: k,
                      label: t(`contracts.meters.kinds.${k}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item
                  name={[field.name, 'reading']}
                  label={t('contracts.meters.reading')}
                  rules={[rules.required, reading]}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item label=" ">
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('contracts.form.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'electricity' })}
            style={{ marginBottom: 16 }}
          >
            {t('contracts.meters.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * Runs one step of the contract's workflow from a modal: refreshes every contract query when it worked,
 * says so and closes; otherwise shows the server's reason on its field, or at the top.
 */
export function useContractStep<V>(form: FormInstance<V>, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const run = async (step: () => Promise<ContractView>, doneKey: string) => {
    setSubmitting(true);
    try {
      const view = await step();
      await queryClient.invalidateQueries({ queryKey: [CONTRACTS] });
      void message.success(t(doneKey, { number: view.number }));
      onClose();
    } catch (e) {
      showError(withFormField(e), message, form);
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, run };
}

/** A heading inside a modal form. */
export function Section({ children }: { children: ReactNode }) {
  return (
    <Typography.Text strong style={{ display: 'block', margin: '4px 0 8px' }}>
      {children}
    </Typography.Text>
  );
}

export function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label=" ">
      <Button icon={<DeleteOutlined />} aria-label={t('contracts.form.remove')} onClick={onClick} />
    </Form.Item>
  );
}
