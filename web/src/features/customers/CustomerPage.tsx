import { ArrowLeftOutlined, EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { CustomerApplications } from '../applications/CustomerApplications.tsx';
import { CustomerBills } from '../billing/CustomerBills.tsx';
import { CustomerStatements } from '../billing/CustomerStatements.tsx';
import { CustomerContracts } from '../contracts/CustomerContracts.tsx';
import { BlacklistModal } from './BlacklistModal.tsx';
import { ContactsTab } from './ContactsTab.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomerProfile } from './CustomerProfile.tsx';
import { CustomerStatusTag, LabelTags } from './CustomerTags.tsx';
import { useCanBlacklist, useCanEditCustomers, useCustomer } from './customersApi.ts';
import { DocumentsTab } from './DocumentsTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';

/** Parts of the 360° view that later modules fill; until then each says what it will hold. */
const LATER = ['credit', 'service', 'complaints', 'visits'] as const;

function Later({ tab }: { tab: (typeof LATER)[number] }) {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`customers.later.${tab}`)} />;
}

/** The customer's 360° view (R2.3.1): who they are, who to talk to, their papers and what happened. */
export function CustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const canEdit = useCanEditCustomers();
  const canBlacklist = useCanBlacklist();
  const [dialog, setDialog] = useState<'edit' | 'blacklist' | null>(null);
  const query = useCustomer(id);
  const customer = query.data;
  const tab = params.get('tab') ?? 'profile';

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!customer) return <Skeleton active paragraph={{ rows: 12 }} />;
  const blacklisted = customer.status === 'blacklisted';

  return (
    <>
      <Link to="/customers" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('customers.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span>{customer.name}</span>
            <CustomerStatusTag status={customer.status} />
          </Space>
        }
        subtitle={
          <Flex gap={16} wrap align="center" component="span">
            <span>
              {t('customers.uscc')}
              {t('customers.colon')}
              <Typography.Text copyable>{customer.uscc}</Typography.Text>
            </span>
            <span>
              {t('customers.accountManager')}
              {t('customers.colon')}
              {customer.accountManagerName ?? t('common.none')}
            </span>
            {customer.tags.length > 0 && (
              <span>
                <LabelTags tags={customer.tags} />
              </span>
            )}
          </Flex>
        }
        extra={
          <>
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )}
            {canBlacklist && (
              <Button
                danger={!blacklisted}
                icon={blacklisted ? <UndoOutlined /> : <StopOutlined />}
                onClick={() => setDialog('blacklist')}
              >
                {t(blacklisted ? 'customers.blacklist.undo' : 'customers.blacklist.action')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'profile',
              label: t('customers.tabs.profile'),
              children: <CustomerProfile customer={customer} />,
            },
            {
              key: 'contacts',
              label: t('customers.tabs.contacts'),
              children: <ContactsTab customer={customer} />,
            },
            {
              key: 'documents',
              label: t('customers.tabs.documents'),
              children: <DocumentsTab customer={customer} />,
            },
            {
              key: 'timeline',
              label: t('customers.tabs.timeline'),
              children: <TimelineTab customer={customer} />,
            },
            {
              key: 'applications',
              label: t('customers.tabs.applications'),
              children: <CustomerApplications customerId={customer.id} blacklisted={blacklisted} />,
            },
            {
              key: 'contracts',
              label: t('customers.tabs.contracts'),
              children: <CustomerContracts customerId={customer.id} />,
            },
            {
              key: 'bills',
              label: t('customers.tabs.bills'),
              children: <CustomerBills customerId={customer.id} />,
            },
            {
              key: 'statements',
              label: t('statements.tab'),
              children: <CustomerStatements customerId={customer.id} />,
            },
            ...LATER.map((key) => ({
              key,
              label: t(`customers.tabs.${key}`),
              children: <Later tab={key} />,
            })),
          ]}
        />
      </Card>
      {dialog === 'edit' && <CustomerFormModal customer={customer} onClose={() => setDialog(null)} />}
      {dialog === 'blacklist' && <BlacklistModal customer={customer} onClose={() => setDialog(null)} />}
    </>
  );
}
