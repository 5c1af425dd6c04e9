import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomerOption, useCustomerSearch } from '../applications/CustomerField.tsx';
import { CUSTOMERS, getCustomer } from '../customers/customersApi.ts';

/** An existing customer found by name or USCC, as on the application form; a form control (value/onChange). */
export function CustomerPicker({
  id,
  value,
  onChange,
  allowClear,
}: {
  id?: string;
  value?: string | undefined;
  /** Called with undefined when the choice is cleared (with `allowClear`). */
  onChange?: (customerId: string | undefined) => void;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const search = useCustomerSearch();
  const chosen = useQuery({
    queryKey: [CUSTOMERS, 'one', value],
    queryFn: () => getCustomer(value!),
    enabled: !!value,
  });
  const found = search.query.data?.items ?? [];
  // The chosen customer stays an option while another search is on screen, so its label does not vanish.
  const options = [
    ...(chosen.data && !found.some((c) => c.id === chosen.data.id) ? [chosen.data] : []),
    ...found,
  ];
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: search.setTyped }}
      placeholder={t('applications.form.customerPlaceholder')}
      loading={search.query.isFetching || chosen.isFetching}
      notFoundContent={t('billing.pay.noCustomer')}
      options={options.map((c) => ({ value: c.id, label: <CustomerOption c={c} /> }))}
    />
  );
}
