import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { APPLICATIONS, getApplication } from '../applications/applicationsApi.ts';
import { CUSTOMERS, getCustomer } from '../customers/customersApi.ts';
import { type TermsValues, termsValues, toTerms, withFormField } from './contractForm.ts';
import {
  CONTRACTS,
  type ContractView,
  contractCommands,
  createContract,
  getProposal,
  type Proposal,
  type TemplateKind,
  updateContract,
  useContract,
} from './contractsApi.ts';
import { NoApplicationStart } from './NoApplicationStart.tsx';
import { TermsEditor } from './TermsEditor.tsx';
import { knownUnits } from './UnitsField.tsx';

interface Values {
  terms: TermsValues;
  notes?: string;
}

/** A new contract (`/contracts/new?applicationId=…`, prefilled from the application) or a draft's edit. */
export function ContractFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  if (id) return <EditContract id={id} />;
  const applicationId = params.get('applicationId');
  if (applicationId) return <FromProposal query={{ applicationId }} />;
  const customerId = params.get('customerId');
  const kind = params.get('kind') as TemplateKind | null;
  const reason = params.get('reason');
  if (customerId && kind && reason) return <FromProposal query={{ customerId, kind }} reason={reason} />;
  return <NoApplicationStart />;
}

function Failed({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return <LoadFailed message={error.message} onRetry={retry} />;
}

function FromProposal({
  query,
  reason,
}: {
  query: { applicationId?: string; customerId?: string; kind?: TemplateKind };
  reason?: string;
}) {
  const proposal = useQuery({ queryKey: [CONTRACTS, 'proposal', query], queryFn: () => getProposal(query) });
  if (proposal.isError) return <Failed error={proposal.error} retry={() => void proposal.refetch()} />;
  if (!proposal.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  return <ContractForm proposal={proposal.data} noApplicationReason={reason} current={null} />;
}

function EditContract({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useContract(id);
  if (query.isError) return <Failed error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (!query.data.actions.includes('edit')) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('contracts.form.notEditable', { number: query.data.number })}
        action={<Link to={`/contracts/${id}`}>{t('contracts.backToContract')}</Link>}
      />
    );
  }
  return <ContractForm current={query.data} />;
}

function ContractForm({
  current,
  proposal,
  noApplicationReason,
}: {
  current: ContractView | null;
  proposal?: Proposal;
  noApplicationReason?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const customerId = current?.customer.id ?? proposal?.customerId ?? '';
  const customer = useQuery({
    queryKey: [CUSTOMERS, 'one', customerId],
    queryFn: () => getCustomer(customerId),
    enabled: !current && !!customerId,
  });
  const customerName = current?.customer.name ?? customer.data?.name ?? '';
  const applicationId = current?.application?.id ?? proposal?.applicationId ?? null;
  const application = useQuery({
    queryKey: [APPLICATIONS, 'one', applicationId],
    queryFn: () => getApplication(applicationId!),
    enabled: !current && !!applicationId,
  });
  const back = current
    ? `/contracts/${current.id}`
    : applicationId
      ? `/applications/${applicationId}`
      : '/contracts';

  const save = async (values: Values, andSubmit: boolean) => {
    setSaving(andSubmit ? 'submit' : 'draft');
    try {
      let saved: ContractView;
      const notes = values.notes?.trim() || null;
      try {
        saved = current
          ? await updateContract(current.id, { terms: toTerms(values.terms), notes })
          : await createContract({
              customerId,
              applicationId,
              noApplicationReason: applicationId ? null : (noApplicationReason ?? null),
              terms: toTerms(values.terms),
              notes,
            });
      } catch (e) {
        showError(withFormField(e), message, form);
        // The field may be far down a long form: bring it into view.
        const first = form.getFieldsError().find((f) => f.errors.length);
        if (first) form.scrollToField(first.name, { block: 'center' });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: [CONTRACTS] });
      await queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
      let submitError: string | undefined;
      if (andSubmit) {
        try {
          await contractCommands.submit(saved.id);
          await queryClient.invalidateQueries({ queryKey: [CONTRACTS] });
        } catch (e) {
          submitError = e instanceof ApiError ? e.message : t('errors.unexpected');
        }
      }
      void message.success(
        t(andSubmit && !submitError ? 'contracts.submitted' : 'contracts.saved', { number: saved.number }),
      );
      if (submitError) void message.error(submitError);
      navigate(`/contracts/${saved.id}`);
    } finally {
      setSaving(null);
    }
  };

  const initialTerms = current?.terms ?? proposal?.terms;
  return (
    <>
      <Link to={back} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined />{' '}
        {t(
          current
            ? 'contracts.backToContract'
            : applicationId
              ? 'contracts.backToApplication'
              : 'contracts.backToList',
        )}
      </Link>
      <PageHeader
        title={
          current
            ? t('contracts.form.editTitle', { number: current.number })
            : t('contracts.form.createTitle')
        }
        subtitle={
          <Flex gap={16} wrap component="span">
            <span>
              {t('contracts.customer')}
              {t('customers.colon')}
              <Link to={`/customers/${customerId}`}>{customerName || '…'}</Link>
            </span>
            {applicationId && (
              <span>
                {t('contracts.application')}
                {t('customers.colon')}
                <Link to={`/applications/${applicationId}`}>
                  {current?.application?.number ?? application.data?.number ?? '…'}
                </Link>
              </span>
            )}
            {!applicationId && (noApplicationReason ?? current?.noApplicationReason) && (
              <Typography.Text type="warning">
                {t('contracts.noApplication')}
                {t('customers.colon')}
                {noApplicationReason ?? current?.noApplicationReason}
              </Typography.Text>
            )}
          </Flex>
        }
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ terms: initialTerms && termsValues(initialTerms), notes: current?.notes ?? '' }}
        onFinish={(values) => void save(values, false)}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          <TermsEditor known={knownUnits(current?.units ?? [])} />
          <Card size="small" title={t('contracts.notes')}>
            <Form.Item name="notes" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Card>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate(back)}>{t('common.cancel')}</Button>
            <Button
              htmlType="submit"
              icon={<SaveOutlined />}
              loading={saving === 'draft'}
              disabled={!!saving}
            >
              {t('contracts.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={saving === 'submit'}
              disabled={!!saving}
              onClick={() =>
                form.validateFields().then(
                  (values) => save(values, true),
                  (error: { errorFields?: { name: (string | number)[] }[] }) => {
                    const first = error.errorFields?.[0];
                    if (first) form.scrollToField(first.name);
                  },
                )
              }
            >
              {t('contracts.saveAndSubmit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
