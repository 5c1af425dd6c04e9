import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { moveOutBody } from '../../../../common/schemas/contracts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fen } from './contractForm.ts';
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

interface MoveOutValues {
  movedOutOn: Dayjs;
  condition: string;
  damages: { item: string; amount: string }[];
  meterReadings: Meter[];
  keysReturned: boolean;
  photoFileIds: UploadFile[];
  note?: string;
}

/** The space comes back: its condition, damages charged (yuan, sent as fen), final meter readings, keys. */
export function MoveOutModal({ view, onClose }: { view: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<MoveOutValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  const finish = (v: MoveOutValues) =>
    void step.run(async () => {
      const photoFileIds = await upload('move_out', v.photoFileIds);
      return contractCommands.moveOut(view.id, {
        movedOutOn: day(v.movedOutOn),
        condition: v.condition.trim(),
        damages: (v.damages ?? []).map((d) => ({ item: d.item.trim(), amountFen: fen(d.amount) })),
        meterReadings: (v.meterReadings ?? []).map((m) => ({
          ...m,
          meter: m.meter.trim(),
          reading: m.reading.trim(),
        })),
        keysReturned: !!v.keysReturned,
        photoFileIds,
        note: text(v.note),
      });
    }, 'contracts.moveOut.done');
  return (
    <FormModal<MoveOutValues>
      open
      title={t('contracts.moveOut.title', { number: view.number })}
      okText={t('contracts.actions.move_out')}
      form={form}
      submitting={step.submitting}
      width={720}
      initialValues={{
        movedOutOn: today,
        damages: [],
        meterReadings: [],
        keysReturned: true,
        photoFileIds: [],
      }}
      onCancel={onClose}
      onFinish={finish}
    >
      <Form.Item name="movedOutOn" label={t('contracts.moveOut.movedOutOn')} rules={[rules.required]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="condition" label={t('contracts.moveOut.condition')} rules={[rules.text]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Section>{t('contracts.moveOut.damages')}</Section>
      <Form.List name="damages">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key}>
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, 'item']}
                    label={t('contracts.handover.item')}
                    rules={[rules.text]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name={[field.name, 'amount']}
                    label={t('contracts.moveOut.amount')}
                    rules={[rules.required, rules.yuan]}
                  >
                    <Input inputMode="decimal" suffix={t('contracts.yuan')} />
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
              onClick={() => add({ item: '', amount: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('contracts.moveOut.addDamage')}
            </Button>
          </>
        )}
      </Form.List>
      <Section>{t('contracts.meters.title')}</Section>
      <MeterReadingsField />
      <Form.Item name="keysReturned" valuePropName="checked">
        <Checkbox>{t('contracts.moveOut.keysReturned')}</Checkbox>
      </Form.Item>
      <FilesField name="photoFileIds" label={t('contracts.handover.photos')} max={30} />
      <Form.Item name="note" label={t('contracts.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
