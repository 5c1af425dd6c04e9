import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { useStaffDirectory } from '../users/usersApi.ts';
import { withFormField } from './contractForm.ts';
import { CONTRACTS, type ContractView, type FilePurpose, uploadContractFile } from './contractsApi.ts';
import { useTermRules } from './useTermRules.ts';

/** A picked day as the API's business date. */
export const businessDay = (d: Dayjs) => d.format('YYYY-MM-DD');
/** A typed text, trimmed; empty means "not given". */
export const textOrNull = (v: string | undefined) => v?.trim() || null;

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
      extra={extra ?? t(max > 1 ? 'contracts.files.hint' : 'contracts.files.hintOne')}
      required={required}
    >
      <Upload accept={FILE_ACCEPT} maxCount={max} multiple={max > 1} beforeUpload={() => false}>
        <Button icon={<UploadOutlined />}>
          {t(max > 1 ? 'contracts.files.choose' : 'contracts.files.chooseOne')}
        </Button>
      </Upload>
    </Form.Item>
  );
}

type StaffOption = { value: string; label: string; roles: readonly string[] };

/**
 * A member of staff (R3.1.4: who keeps the signed original), any role, found by name; the options show each
 * one's roles. `current` keeps a custodian who has since left readable rather than a bare id.
 */
export function StaffSelect({
  id,
  value,
  onChange,
  current,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  current?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const staff = useStaffDirectory();
  const options: StaffOption[] = (staff.data ?? []).map((s) => ({
    value: s.id,
    label: s.displayName,
    roles: s.roles,
  }));
  if (current && !options.some((o) => o.value === current.id))
    options.push({ value: current.id, label: current.name, roles: [] });
  return (
    <Select<string, StaffOption>
      id={id}
      value={value}
      onChange={onChange}
      loading={staff.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('contracts.sign.custodianPlaceholder')}
      notFoundContent={staff.isError ? t('contracts.sign.staffFailed') : undefined}
      options={options}
      optionRender={(option) => (
        <Flex justify="space-between" align="center" gap={8}>
          <span>{option.data.label}</span>
          <span>
            {option.data.roles.map((role) => (
              <Tag key={role} style={{ marginInlineEnd: 0, marginInlineStart: 4 }}>
                {t(`roles.${role}`, { defaultValue: role })}
              </Tag>
            ))}
          </span>
        </Flex>
      )}
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
              <Col flex="auto">
                <Form.Item
                  name={[field.name, 'reading']}
                  label={t('contracts.meters.reading')}
                  rules={[rules.required, reading]}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col flex="none">
                <RemoveButton onClick={() => remove(field.name)} />
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
