import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { moveOutBody } from '../../../../common/schemas/contracts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type ContractView, contractCommands } from './contractsApi.ts';
import {
  businessDay as day,
  FilesField,
  MeterReadingsField,
  RemoveButton,
  Section,
  textOrNull as text,
  useContractStep,
  useUploader,
} from './modalParts.tsx';
import { useToday } from './SigningModals.tsx';
import { useTermRules } from './useTermRules.ts';

type Meter = z.input<typeof moveOutBody>['meterReadings'][number];

interface HandoverValues {
  handedOverOn: Dayjs;
  facilities: { item: string; ok: boolean; note?: string }[];
  keys: { label: string; count: number }[];
  meterReadings: Meter[];
  photoFileIds: UploadFile[];
  lessorConfirmedBy: string;
  customerConfirmedBy: string;
  note?: string;
}

/** R3.1.5 交付: the space handed over with its facilities checked, keys counted and meters read. */
export function HandoverModal({ view, onClose }: { view: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<HandoverValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  // The space is handed over on or after the start date and not later than today (the server says so too).
  const start = dayjs(view.startDate);
  const early = today.isBefore(start, 'day');
  const finish = (v: HandoverValues) =>
    void step.run(async () => {
      const photoFileIds = await upload('handover', v.photoFileIds);
      return contractCommands.handOver(view.id, {
        handedOverOn: day(v.handedOverOn),
        facilities: (v.facilities ?? []).map((f) => ({
          item: f.item.trim(),
          ok: !!f.ok,
          note: text(f.note),
        })),
        keys: (v.keys ?? []).map((k) => ({ label: k.label.trim(), count: k.count })),
        meterReadings: (v.meterReadings ?? []).map((m) => ({
          ...m,
          meter: m.meter.trim(),
          reading: m.reading.trim(),
        })),
        photoFileIds,
        lessorConfirmedBy: v.lessorConfirmedBy.trim(),
        customerConfirmedBy: v.customerConfirmedBy.trim(),
        note: text(v.note),
      });
    }, 'contracts.handover.done');
  return (
    <FormModal<HandoverValues>
      open
      title={t('contracts.handover.title', { number: view.number })}
      okText={t('contracts.actions.hand_over')}
      form={form}
      submitting={step.submitting}
      width={760}
      initialValues={{
        // Before the start no day is right yet: the field stays empty beside the warning.
        handedOverOn: early ? undefined : today,
        facilities: [{ item: '', ok: true }],
        keys: [{ label: '', count: 1 }],
        meterReadings: [],
        photoFileIds: [],
      }}
      onCancel={onClose}
      onFinish={finish}
    >
      {early && (
        <Alert
          type="warning"
          showIcon
          title={t('contracts.handover.beforeStart', { date: view.startDate })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item name="handedOverOn" label={t('contracts.handover.handedOverOn')} rules={[rules.required]}>
        <DatePicker disabledDate={(d) => d.isBefore(start, 'day') || d.isAfter(today, 'day')} />
      </Form.Item>
      <Section>{t('contracts.handover.facilities')}</Section>
      <Form.List name="facilities">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="middle" data-testid="facility-row">
                <Col span={9}>
                  <Form.Item
                    name={[field.name, 'item']}
                    label={t('contracts.handover.item')}
                    rules={[rules.text]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'ok']} label=" " valuePropName="checked">
                    <Checkbox>{t('contracts.handover.ok')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[field.name, 'note']} label={t('contracts.note')}>
                    <Input maxLength={300} />
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
              onClick={() => add({ item: '', ok: true })}
              style={{ marginBottom: 16 }}
            >
              {t('contracts.handover.addFacility')}
            </Button>
          </>
        )}
      </Form.List>
      <Section>{t('contracts.handover.keys')}</Section>
      <Form.List name="keys">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} data-testid="key-row">
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, 'label']}
                    label={t('contracts.handover.keyLabel')}
                    rules={[rules.text]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name={[field.name, 'count']}
                    label={t('contracts.handover.keyCount')}
                    rules={[rules.required]}
                  >
                    <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
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
              onClick={() => add({ label: '', count: 1 })}
              style={{ marginBottom: 16 }}
            >
              {t('contracts.handover.addKey')}
            </Button>
          </>
        )}
      </Form.List>
      <Section>{t('contracts.meters.title')}</Section>
      <MeterReadingsField />
      <FilesField name="photoFileIds" label={t('contracts.handover.photos')} max={30} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="lessorConfirmedBy"
            label={t('contracts.handover.lessorConfirmedBy')}
            rules={[rules.text]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="customerConfirmedBy"
            label={t('contracts.handover.customerConfirmedBy')}
            rules={[rules.text]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('contracts.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
