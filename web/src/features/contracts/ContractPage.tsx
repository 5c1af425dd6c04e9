import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Col, Flex, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { ContractBills } from '../billing/ContractBills.tsx';
import { DepositSettlementTab } from '../billing/DepositSettlementTab.tsx';
import { OneOffChargeButton } from '../charges/OneOffChargeModal.tsx';
import { BreachTab } from './BreachTab.tsx';
import { ContractButtons, ContractDialog, type Dialog } from './ContractActions.tsx';
import { ContractStatusTag, DaysToEnd } from './ContractTags.tsx';
import { type ContractView, can, useContract, useContractRoles } from './contractsApi.ts';
import { DEADLINE_WARNING_DAYS } from './contractsFormat.ts';
import { EventsTimeline, FilesTab, VersionsTab } from './HistoryCards.tsx';
import { EndTab, HandoverTab, SigningTab } from './RecordTabs.tsx';
import { ScheduleTab } from './ScheduleTab.tsx';
import { TermsCard } from './TermsCard.tsx';

const count = (n: number, color = '#bfbfbf') =>
  n ? <Badge count={n} size="small" color={color} style={{ marginInlineStart: 4 }} /> : null;

/** What needs someone's attention on this contract, above everything else. */
function Warnings({ view, canDecide }: { view: ContractView; canDecide: boolean }) {
  const { t } = useTranslation();
  const pending = view.versions.find((v) => v.status === 'pending');
  const urgent = view.violations.filter(
    (v) => !v.action && v.daysToDeadline !== null && v.daysToDeadline <= DEADLINE_WARNING_DAYS,
  );
  return (
    <>
      {view.holdingOver && (
        <Alert type="error" showIcon title={t('contracts.holdingOverAlert', { date: view.endDate })} />
      )}
      {pending && (
        <Alert
          type="warning"
          showIcon
          title={t(canDecide ? 'contracts.versions.pendingForYou' : 'contracts.versions.pending', {
            version: pending.version,
            date: pending.effectiveFrom,
          })}
        />
      )}
      {urgent.length > 0 && (
        <Alert type="error" showIcon title={t('contracts.violations.urgent', { count: urgent.length })} />
      )}
      {view.status === 'pending_signature' && !view.explanation && (
        <Alert type="info" showIcon title={t('contracts.explain.needed')} />
      )}
    </>
  );
}

/** One contract: terms, versions, signing, handover, breaches, its end, files and everything that happened. */
export function ContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const roles = useContractRoles();
  const query = useContract(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const view = query.data;
  const tab = params.get('tab') ?? 'terms';

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!view) return <Skeleton active paragraph={{ rows: 14 }} />;
  const colon = t('customers.colon');

  return (
    <>
      <Link to="/contracts" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('contracts.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span style={{ fontFamily: 'monospace' }} data-testid="contract-number">
              {view.number}
            </span>
            <Link to={`/customers/${view.customer.id}`}>{view.customer.name}</Link>
            <ContractStatusTag status={view.status} />
          </Space>
        }
        subtitle={
          <Flex gap={16} wrap component="span">
            <span>
              {t('contracts.term')}
              {colon}
              {view.startDate} ~ {view.endDate} <DaysToEnd contract={view} />
            </span>
            <span>
              {t('contracts.application')}
              {colon}
              {view.application ? (
                <Link to={`/applications/${view.application.id}`}>{view.application.number}</Link>
              ) : (
                <Typography.Text type="warning">
                  {view.noApplicationReason ?? t('common.none')}
                </Typography.Text>
              )}
            </span>
            <span>
              {t('contracts.template')}
              {colon}
              {view.template.title} v{view.template.version}
            </span>
            {view.renewalOf && (
              <span>
                {t('contracts.renewalOf')}
                {colon}
                <Link to={`/contracts/${view.renewalOf.id}`}>{view.renewalOf.number}</Link>
              </span>
            )}
            {view.renewedBy && (
              <span>
                {t('contracts.renewedBy')}
                {colon}
                <Link to={`/contracts/${view.renewedBy.id}`}>{view.renewedBy.number}</Link>
              </span>
            )}
          </Flex>
        }
        extra={
          <Flex gap={8} wrap justify="flex-end" style={{ maxWidth: 720 }}>
            <ContractButtons view={view} open={setDialog} />
            <OneOffChargeButton contract={view} />
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Warnings view={view} canDecide={roles.decide} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Card size="small" styles={{ body: { paddingTop: 4 } }}>
              <Tabs
                activeKey={tab}
                onChange={(key) => setParams(key === 'terms' ? {} : { tab: key }, { replace: true })}
                items={[
                  { key: 'terms', label: t('contracts.tabs.terms'), children: <TermsCard view={view} /> },
                  {
                    key: 'schedule',
                    label: t('contracts.tabs.schedule'),
                    children: <ScheduleTab view={view} />,
                  },
                  {
                    key: 'bills',
                    label: t('contracts.tabs.bills'),
                    children: <ContractBills contractId={view.id} />,
                  },
                  {
                    key: 'versions',
                    label: (
                      <>
                        {t('contracts.tabs.versions')}
                        {count(view.versions.filter((v) => v.status === 'pending').length, 'gold')}
                      </>
                    ),
                    children: (
                      <VersionsTab
                        view={view}
                        canDecide={roles.decide}
                        onDecide={(version) => setDialog({ kind: 'decide', version })}
                      />
                    ),
                  },
                  {
                    key: 'signing',
                    label: t('contracts.tabs.signing'),
                    children: (
                      <SigningTab
                        view={view}
                        onArchive={can(view, 'archive') ? () => setDialog({ kind: 'archive' }) : undefined}
                      />
                    ),
                  },
                  {
                    key: 'handover',
                    label: t('contracts.tabs.handover'),
                    children: <HandoverTab view={view} />,
                  },
                  {
                    key: 'breaches',
                    label: (
                      <>
                        {t('contracts.tabs.breaches')}
                        {count(view.violations.filter((v) => !v.action).length, 'red')}
                      </>
                    ),
                    children: (
                      <BreachTab
                        view={view}
                        onAct={roles.write ? (violation) => setDialog({ kind: 'act', violation }) : undefined}
                      />
                    ),
                  },
                  { key: 'end', label: t('contracts.tabs.end'), children: <EndTab view={view} /> },
                  {
                    key: 'settlement',
                    label: t('settlement.tab'),
                    children: <DepositSettlementTab contract={view} />,
                  },
                  {
                    key: 'files',
                    label: (
                      <>
                        {t('contracts.tabs.files')}
                        {count(view.files.length)}
                      </>
                    ),
                    children: <FilesTab view={view} />,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <Card size="small" title={t('contracts.events.title')}>
              <EventsTimeline view={view} />
            </Card>
          </Col>
        </Row>
      </Flex>
      <ContractDialog view={view} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
