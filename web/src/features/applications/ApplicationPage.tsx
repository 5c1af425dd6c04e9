import {
  ArrowLeftOutlined,
  EditOutlined,
  FileProtectOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isReviewStage } from '../../../../common/applications/machine.ts';
import { ApiError } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { CONTRACT_WRITERS } from '../../app/nav.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { CUSTOMERS } from '../customers/customersApi.ts';
import { ApplicationDetails } from './ApplicationDetails.tsx';
import { ApplicationStatusTag } from './ApplicationTags.tsx';
import { APPLICATIONS, type ApplicationView, submitApplication, useApplication } from './applicationsApi.ts';
import { ChecksCard } from './ChecksCard.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { NoticeCard } from './NoticeCard.tsx';
import { OutcomeAlert } from './OutcomeAlert.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { StageTracker } from './StageTracker.tsx';
import { WithdrawModal } from './WithdrawModal.tsx';

/** One application: where it stands, what it asks, what the system found and everyone's decisions. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useUser();
  const timeZone = user.org.timeZone;
  const canDraftContract = hasAnyRole(user, CONTRACT_WRITERS);
  const query = useApplication(id);
  // The form's "save and submit" lands here with the submission's refusal, if there was one.
  const [submitError, setSubmitError] = useState<string | null>(
    (location.state as { submitError?: string } | null)?.submitError ?? null,
  );
  const [submitting, setSubmitting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const view = query.data;

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!view) return <Skeleton active paragraph={{ rows: 14 }} />;

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await submitApplication(view.id);
      void message.success(t('applications.submitted', { number: view.number }));
      await queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
    } catch (e) {
      // Kept on the page, not a passing toast: it says what to fix (e.g. renew the business licence).
      setSubmitError(e instanceof ApiError ? e.message : t('errors.unexpected'));
    } finally {
      setSubmitting(false);
    }
  };
  const can = (action: ApplicationView['actions'][number]) => view.actions.includes(action);
  const reviewing = can('review') && isReviewStage(view.status) ? view.status : null;

  return (
    <>
      <Link to="/applications" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('applications.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span style={{ fontFamily: 'monospace' }} data-testid="application-number">
              {view.number}
            </span>
            <Link to={`/customers/${view.customer.id}`}>{view.customer.name}</Link>
            <ApplicationStatusTag status={view.status} />
          </Space>
        }
        subtitle={
          <Flex gap={16} wrap component="span">
            <span>
              {t('customers.uscc')}
              {t('customers.colon')}
              <Typography.Text copyable>{view.customer.uscc}</Typography.Text>
            </span>
            <span>
              {t('applications.createdBy')}
              {t('customers.colon')}
              {view.createdBy?.name ?? t('common.none')}
            </span>
            {view.submittedAt && (
              <span>
                {t('applications.submittedAt')}
                {t('customers.colon')}
                {formatInstant(view.submittedAt, timeZone).slice(0, 16)}
              </span>
            )}
          </Flex>
        }
        extra={
          <>
            {can('edit') && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/applications/${view.id}/edit`)}>
                {t('common.edit')}
              </Button>
            )}
            {can('withdraw') && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)}>
                {t('applications.withdraw.action')}
              </Button>
            )}
            {view.status === 'approved' && canDraftContract && (
              <Button
                type="primary"
                icon={<FileProtectOutlined />}
                onClick={() => navigate(`/contracts/new?applicationId=${encodeURIComponent(view.id)}`)}
              >
                {t('applications.draftContract')}
              </Button>
            )}
            {can('submit') && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submitting}
                onClick={() => void submit()}
              >
                {t(view.status === 'returned' ? 'applications.resubmit' : 'applications.submit')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {submitError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setSubmitError(null) }}
            title={t('applications.submitFailed')}
            description={submitError}
            action={
              <Link to={`/customers/${view.customer.id}?tab=documents`}>
                {t('applications.openDocuments')}
              </Link>
            }
            data-testid="submit-error"
          />
        )}
        <OutcomeAlert view={view} />
        <Card size="small">
          <StageTracker view={view} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <ApplicationDetails view={view} />
              <ReviewHistory reviews={view.reviews} />
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              {reviewing && <ReviewPanel key={`${view.id}-${reviewing}`} view={view} stage={reviewing} />}
              <NoticeCard view={view} />
              <ChecksCard checks={view.checks} />
              <DocumentsCard customerId={view.customer.id} />
            </Flex>
          </Col>
        </Row>
      </Flex>
      {withdrawing && <WithdrawModal view={view} onClose={() => setWithdrawing(false)} />}
    </>
  );
}
