import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ApplicationsTable } from './ApplicationsTable.tsx';
import { APPLICATIONS, listApplications, useCanCreateApplications } from './applicationsApi.ts';

/** The customer 360° page's applications tab: every application of this customer, newest first. */
export function CustomerApplications({
  customerId,
  blacklisted,
}: {
  customerId: string;
  blacklisted: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCanCreateApplications() && !blacklisted;
  const paging = useCursorPages();
  const query = useQuery({
    queryKey: [APPLICATIONS, 'list', { customerId }, paging.cursor],
    queryFn: () => listApplications({ customerId }, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {canCreate && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => navigate(`/applications/new?customerId=${encodeURIComponent(customerId)}`)}
          >
            {t('applications.create')}
          </Button>
        </Flex>
      )}
      <ApplicationsTable
        query={query}
        paging={paging}
        showCustomer={false}
        emptyText={t('applications.customerEmpty')}
      />
    </>
  );
}
