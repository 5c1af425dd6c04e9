import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseWanYuan } from '../../../../common/money/wan.ts';

/** Registered capital typed in 万元, as on the business licence; the form converts it to fen. */
export function CapitalItem({ name }: { name: string | string[] }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={t('customers.registeredCapital')}
      rules={[
        {
          validator: async (_, value: string | undefined) => {
            if (value?.trim() && parseWanYuan(value) === null)
              throw new Error(t('customers.form.capitalFormat'));
          },
        },
      ]}
    >
      <Input inputMode="decimal" suffix={t('customers.wanyuan')} />
    </Form.Item>
  );
}
