import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { todayIn } from '../../../../common/dates.ts';
import { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { CUSTOMERS } from '../customers/customersApi.ts';
import { blankValues, toCreateBody, toFields, type Values, valuesOf } from './applicationForm.ts';
import {
  APPLICATIONS,
  type ApplicationView,
  createApplication,
  submitApplication,
  updateApplication,
  useApplication,
} from './applicationsApi.ts';
import { CustomerField } from './CustomerField.tsx';
import { OutcomeAlert } from './OutcomeAlert.tsx';
import { SpaceFields } from './SpaceFields.tsx';
import { TermsFields } from './TermsFields.tsx';

/** 《空间租赁申请表》: a new application (`/applications/new`) or a draft or returned one being changed. */
export function ApplicationFormPage() {
  const { id } = useParams();
  return id ? <EditApplication id={id} /> : <ApplicationForm current={null} />;
}

function EditApplication({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useApplication(id);
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!query.data.actions.includes('edit')) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('applications.form.notEditable', { number: query.data.number })}
        action={<Link to={`/applications/${id}`}>{t('applications.backToApplication')}</Link>}
      />
    );
  }
  return <ApplicationForm current={query.data} />;
}

function ApplicationForm({ current }: { current: ApplicationView | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const today = todayIn(useUser().org.timeZone);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const back = current ? `/applications/${current.id}` : '/applications';

  const save = async (values: Values, andSubmit: boolean) => {
    setSaving(andSubmit ? 'submit' : 'draft');
    try {
      let saved: ApplicationView;
      try {
        saved = current
          ? await updateApplication(current.id, toFields(values))
          : await createApplication(toCreateBody(values));
      } catch (e) {
        showError(e, message, form);
        return;
      }
      // A new customer may have been created with the application; both lists change.
      await queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
      let submitError: string | undefined;
      if (andSubmit) {
        try {
          await submitApplication(saved.id);
          await queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
        } catch (e) {
          // The draft is saved; its page says why it could not go to review (e.g. an expired licence).
          submitError = e instanceof ApiError ? e.message : t('errors.unexpected');
        }
      }
      void message.success(
        t(andSubmit && !submitError ? 'applications.submitted' : 'applications.saved', {
          number: saved.number,
        }),
      );
      navigate(`/applications/${saved.id}`, { state: submitError ? { submitError } : null });
    } finally {
      setSaving(null);
    }
  };

  const resubmit = current?.status === 'returned';
  return (
    <>
      <Link to={back} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t(current ? 'applications.backToApplication' : 'applications.backToList')}
      </Link>
      <PageHeader
        title={
          current
            ? t('applications.form.editTitle', { number: current.number, name: current.customer.name })
            : t('applications.form.createTitle')
        }
        subtitle={t('applications.form.subtitle')}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          current ? valuesOf(current) : blankValues(today, params.get('customerId') ?? undefined)
        }
        onFinish={(values) => void save(values, false)}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          {/* What the reviewer asked to change stays in view while it is being changed. */}
          {current && <OutcomeAlert view={current} />}
          <Card size="small" title={t('applications.form.customerSection')}>
            <CustomerField fixedCustomerId={current?.customer.id} />
          </Card>
          <Card size="small" title={t('applications.form.spaceSection')}>
            <SpaceFields current={current} />
          </Card>
          <Card size="small" title={t('applications.form.termsSection')}>
            <TermsFields />
          </Card>
          <Card size="small" title={t('applications.notes')}>
            <Form.Item name="notes" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={3} maxLength={2000} placeholder={t('applications.form.notesHint')} />
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
              {t('applications.saveDraft')}
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
                    // The fields show their errors; bring the first into view as Save does.
                    const first = error.errorFields?.[0];
                    if (first) form.scrollToField(first.name);
                  },
                )
              }
            >
              {t(resubmit ? 'applications.saveAndResubmit' : 'applications.saveAndSubmit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
