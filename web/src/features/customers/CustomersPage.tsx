import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CUSTOMER_STATUSES, INDUSTRIES } from '../../../../common/schemas/customers.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, FilterBar, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomerStatusTag, LabelTags } from './CustomerTags.tsx';
import {
  CUSTOMERS,
  type CustomerFilters,
  type CustomerStatus,
  type CustomerSummary,
  exportUrl,
  type Industry,
  listCustomers,
  useAccountManagers,
  useCanEditCustomers,
} from './customersApi.ts';

const ONE_LINE = {
  display: 'block',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;

export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const timeZone = useUser().org.timeZone;
  const canEdit = useCanEditCustomers();
  const managers = useAccountManagers();
  const [filters, setFilters] = useState<CustomerFilters>({ sort: 'name' });
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [creating, setCreating] = useState(false);
  const paging = useCursorPages();

  const query = useQuery({
    queryKey: [CUSTOMERS, 'list', filters, paging.cursor],
    queryFn: () => listCustomers(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (change: Partial<CustomerFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    paging.reset();
  };
  const applyTag = () => {
    if ((filters.tag ?? '') !== tag.trim()) applyFilters({ tag: tag.trim() || undefined });
  };

  const { sort: _sort, ...narrowing } = filters;
  const filtered = Object.values(narrowing).some(Boolean);

  const columns: TableColumnsType<CustomerSummary> = [
    {
      key: 'name',
      title: t('customers.name'),
      render: (_: unknown, c) => (
        <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
          <Clipped text={c.name} />
        </Link>
      ),
    },
    {
      key: 'uscc',
      title: t('customers.usccShort'),
      dataIndex: 'uscc',
      width: 172,
      render: (uscc: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{uscc}</span>,
    },
    {
      key: 'status',
      title: t('customers.status'),
      dataIndex: 'status',
      width: 84,
      render: (status: CustomerStatus) => <CustomerStatusTag status={status} />,
    },
    {
      key: 'industry',
      title: t('customers.industry'),
      dataIndex: 'industry',
      width: 96,
      render: (industry: Industry | null) =>
        industry && <Clipped text={t(`customers.industries.${industry}`)} />,
    },
    {
      key: 'manager',
      title: t('customers.accountManagerShort'),
      dataIndex: 'accountManagerName',
      width: 80,
      render: (name: string | null) => <Clipped text={name} />,
    },
    {
      key: 'contact',
      title: t('customers.primaryContact'),
      width: 150,
      render: (_: unknown, c) =>
        c.primaryContact && (
          <span style={ONE_LINE}>
            {c.primaryContact.name}
            {c.primaryContact.mobile && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                {c.primaryContact.mobile}
              </Typography.Text>
            )}
          </span>
        ),
    },
    {
      key: 'tags',
      title: t('customers.tags'),
      dataIndex: 'tags',
      width: 110,
      render: (tags: string[]) => <LabelTags tags={tags} />,
    },
    {
      key: 'created',
      title: t('customers.createdAt'),
      dataIndex: 'createdAt',
      width: 96,
      render: (at: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(at, timeZone).slice(0, 10)}</span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.customers')}
        subtitle={t('customers.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportUrl(filters)}>
              {t('customers.export')}
            </Button>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('customers.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <FilterBar>
          <Input.Search
            id="customer-search"
            allowClear
            placeholder={t('customers.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => applyFilters({ q: q.trim() || undefined })}
            style={{ width: 290 }}
          />
          <Select<CustomerStatus>
            allowClear
            placeholder={t('customers.status')}
            value={filters.status}
            onChange={(status) => applyFilters({ status })}
            options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customers.statuses.${s}`) }))}
            style={{ width: 110 }}
          />
          <Select<Industry>
            allowClear
            placeholder={t('customers.industry')}
            value={filters.industry}
            onChange={(industry) => applyFilters({ industry })}
            options={INDUSTRIES.map((i) => ({ value: i, label: t(`customers.industries.${i}`) }))}
            style={{ width: 140 }}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.accountManagerShort')}
            value={filters.accountManagerId}
            onChange={(accountManagerId) => applyFilters({ accountManagerId })}
            options={managers.data?.map((m) => ({ value: m.id, label: m.displayName }))}
            style={{ width: 130 }}
          />
          <Input
            allowClear
            placeholder={t('customers.tagFilter')}
            value={tag}
            onChange={(e) => {
              setTag(e.target.value);
              // The clear button empties the box without a blur or Enter; apply that at once.
              if (e.type === 'click') applyFilters({ tag: undefined });
            }}
            onPressEnter={applyTag}
            onBlur={applyTag}
            style={{ width: 110 }}
          />
          <Select<'name' | 'newest'>
            value={filters.sort}
            onChange={(sort) => applyFilters({ sort })}
            options={[
              { value: 'name', label: t('customers.sortName') },
              { value: 'newest', label: t('customers.sortNewest') },
            ]}
            style={{ width: 130 }}
          />
        </FilterBar>
        <PagedTable<CustomerSummary>
          query={query}
          paging={paging}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: minTableWidth(columns, 190) }}
          emptyText={filtered ? t('customers.noMatch') : t('customers.empty')}
          onOpen={(c) => navigate(`/customers/${c.id}`)}
        />
      </Card>
      {creating && (
        <CustomerFormModal
          customer={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/customers/${saved.id}`)}
        />
      )}
    </>
  );
}
