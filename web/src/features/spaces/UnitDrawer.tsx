import { DeleteOutlined, DownOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Dropdown, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupDigits } from '../../app/format.ts';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { OccupancyHistory } from './OccupancyHistory.tsx';
import { getUnit, SPACES, type UnitDetail, useCanEditSpaces } from './spacesApi.ts';
import { floorLabel, priceText } from './spacesFormat.ts';
import { UnavailableModal } from './UnavailableModal.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';
import { UnitStatusTag } from './UnitStatusTag.tsx';
import { useUnitActions } from './useUnitActions.ts';

function Details({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const m2 = (value: string) => `${groupDigits(value)} m²`;
  const rows = [
    { key: 'where', label: t('spaces.unit.where'), children: `${unit.siteName} / ${unit.buildingName}` },
    { key: 'floor', label: t('spaces.unit.floor'), children: floorLabel(unit.floor) },
    { key: 'type', label: t('spaces.unit.type'), children: t(`spaces.types.${unit.type}`) },
    {
      key: 'status',
      label: t('spaces.unit.status'),
      children: <UnitStatusTag status={unit.status} statusTo={unit.statusTo} />,
    },
    {
      key: 'customer',
      label: t('spaces.unit.customer'),
      children:
        unit.customerId && unit.customerName ? (
          <Link to={`/customers/${unit.customerId}`}>{unit.customerName}</Link>
        ) : (
          none
        ),
    },
    { key: 'gross', label: t('spaces.unit.grossArea'), children: m2(unit.grossArea) },
    { key: 'inside', label: t('spaces.unit.insideArea'), children: m2(unit.insideArea) },
    { key: 'usable', label: t('spaces.unit.usableArea'), children: m2(unit.usableArea) },
    {
      key: 'price',
      label: t('spaces.unit.listPrice'),
      children: `${priceText(unit.listPrice)} ${t(`spaces.bases.${unit.priceBasis}`)}`,
    },
    {
      key: 'facilities',
      label: t('spaces.unit.facilities'),
      span: 2,
      children: unit.facilities.length
        ? unit.facilities.map((f) => (
            <Tag key={f} color="processing" bordered={false}>
              {f}
            </Tag>
          ))
        : none,
    },
    {
      key: 'certificate',
      label: t('spaces.unit.certificateNo'),
      span: 2,
      children: unit.certificateNo || none,
    },
    { key: 'notes', label: t('spaces.unit.notes'), span: 2, children: unit.notes || none },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={rows}
      styles={{ label: { width: 116, whiteSpace: 'nowrap' } }}
    />
  );
}

interface Props {
  unitId: string | null;
  /** The date the status is shown for. */
  asOf: string;
  onClose: () => void;
}

export function UnitDrawer({ unitId, asOf, onClose }: Props) {
  const { t } = useTranslation();
  const canEdit = useCanEditSpaces();
  const actions = useUnitActions(onClose);
  const [dialog, setDialog] = useState<'edit' | 'unavailable' | null>(null);
  const query = useQuery({
    queryKey: [SPACES, 'unit', unitId, asOf],
    queryFn: () => getUnit(unitId!, asOf),
    enabled: unitId !== null,
  });
  const unit = query.data;

  const extra = canEdit && unit && (
    <Space size={8}>
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>
      <Button icon={<StopOutlined />} disabled={unit.retired} onClick={() => setDialog('unavailable')}>
        {t('spaces.unavailable.action')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'retire', label: t(unit.retired ? 'spaces.unit.unretire' : 'spaces.unit.retire') },
            { key: 'delete', danger: true, icon: <DeleteOutlined />, label: t('spaces.unit.delete') },
          ],
          onClick: ({ key }) =>
            key === 'delete' ? actions.remove(unit) : actions.setRetired(unit, !unit.retired),
        }}
      >
        <Button>
          {t('spaces.unit.more')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Space>
  );

  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={
        unit ? (
          <Space size={8}>
            <span>{t('spaces.unit.title', { code: unit.code })}</span>
            {unit.retired && <Tag>{t('spaces.unit.retired')}</Tag>}
          </Space>
        ) : (
          t('spaces.unit.detail')
        )
      }
      extra={extra}
    >
      {query.isError ? (
        <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />
      ) : unit ? (
        <Flex vertical gap={20}>
          <Details unit={unit} />
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('spaces.occupancy.title')}
            </Typography.Title>
            <OccupancyHistory
              rows={unit.occupancy}
              onEnd={canEdit ? (row) => actions.endUnavailable(unit, row) : undefined}
            />
          </div>
        </Flex>
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
      {unit && dialog === 'edit' && <UnitFormModal unit={unit} onClose={() => setDialog(null)} />}
      {unit && dialog === 'unavailable' && (
        <UnavailableModal unit={unit} from={asOf} onClose={() => setDialog(null)} />
      )}
    </Drawer>
  );
}
