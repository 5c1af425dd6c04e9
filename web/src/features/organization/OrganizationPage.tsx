import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';
import { getOrganization, ORGANIZATION_KEY } from './organizationApi.ts';

export function OrganizationPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ORGANIZATION_KEY, queryFn: getOrganization });

  return (
    <>
      <PageHeader title={t('nav.organization')} subtitle={t('organization.subtitle')} />
      {query.isError ? (
        <Card>
          <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />
        </Card>
      ) : query.data ? (
        <OrganizationForm organization={query.data} />
      ) : (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
    </>
  );
}
