import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../spaces/spacesApi.ts';

/** The organization's buildings, by site and name. */
export function BuildingSelect({
  id,
  value,
  onChange,
  allowClear,
  width = 220,
}: {
  id?: string;
  value?: string | undefined;
  onChange?: (v: string | undefined) => void;
  allowClear?: boolean;
  width?: number;
}) {
  const { t } = useTranslation();
  const buildings = useBuildings(undefined);
  return (
    <Select<string>
      id={id}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('utilities.building')}
      loading={buildings.isLoading}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.siteName} / ${b.name}` }))}
      style={{ width }}
    />
  );
}
