import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Input, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, REVIEW_STAGES } from '../../../../common/applications/machine.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ApplicationsTable } from './ApplicationsTable.tsx';
import {
  APPLICATIONS,
  type ApplicationFilters,
  type ApplicationStatus,
  listApplications,
  type ReviewStage,
  useCanCreateApplications,
  useInboxCounts,
} from './applicationsApi.ts';

const VIEWS = ['mine', 'all', 'overdue'] as const;
type View = (typeof VIEWS)[number];

/** Reviewers come here to decide; the applicant side to follow what it has filed. */
const REVIEWERS = ['legal', 'finance', 'management'] as const;

const VIEW_FILTERS: Record<View, ApplicationFilters> = {
  mine: { mine: 'true' },
  all: {},
  overdue: { overdue: 'true' },
};

/** The inbox ("waiting for me") and every application, filtered by status, stage and a search. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const canCreate = useCanCreateApplications();
  const inbox = useInboxCounts();
  const [params, setParams] = useSearchParams();
  const reviewer = hasAnyRole(user, REVIEWERS) && !hasAnyRole(user, ['admin', 'business']);
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : reviewer
      ? 'mine'
      : 'all';
  const [filters, setFilters] = useState<Omit<ApplicationFilters, 'mine' | 'overdue'>>({});
  const [search, setSearch] = useState('');
  const paging = useCursorPages();
  const all = { ...filters, ...VIEW_FILTERS[view] };

  const query = useQuery({
    queryKey: [APPLICATIONS, 'list', all, paging.cursor],
    queryFn: () => listApplications(all, paging.cursor),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (change: Partial<ApplicationFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    paging.reset();
  };
  const changeView = (next: View) => {
    setParams(next === (reviewer ? 'mine' : 'all') ? {} : { view: next }, { replace: true });
    paging.reset();
  };
  const filtered = Object.values(filters).some(Boolean);
  // The inbox counts are the signed-in user's own: beside "waiting for me", the overdue ones in red.
  const count = (n: number | undefined, color: string) =>
    n ? <Badge count={n} size="small" color={color} style={{ marginInlineStart: 6 }} /> : null;

  return (
    <>
      <PageHeader
        title={t('nav.applications')}
        subtitle={t('applications.subtitle')}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/applications/new')}>
              {t('applications.create')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar>
          <Segmented<View>
            value={view}
            onChange={changeView}
            options={VIEWS.map((v) => ({
              value: v,
              label: (
                <span data-testid={`view-${v}`}>
                  {t(`applications.views.${v}`)}
                  {v === 'mine' && count(inbox.data?.waiting, 'blue')}
                  {v === 'mine' && count(inbox.data?.overdue, 'red')}
                </span>
              ),
            }))}
          />
          <Input.Search
            id="application-search"
            allowClear
            placeholder={t('applications.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => applyFilters({ q: q.trim() || undefined })}
            style={{ width: 260 }}
          />
          <Select<ApplicationStatus>
            allowClear
            placeholder={t('applications.status')}
            value={filters.status}
            onChange={(status) => applyFilters({ status })}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.statuses.${s}`) }))}
            style={{ width: 130 }}
          />
          <Select<ReviewStage>
            allowClear
            placeholder={t('applications.stage')}
            value={filters.stage}
            onChange={(stage) => applyFilters({ stage })}
            options={REVIEW_STAGES.map((s) => ({ value: s, label: t(`applications.stages.${s}`) }))}
            style={{ width: 130 }}
          />
        </FilterBar>
        <ApplicationsTable
          query={query}
          paging={paging}
          emptyText={
            filtered
              ? t('applications.noMatch')
              : view === 'mine'
                ? t('applications.inboxEmpty')
                : t('applications.empty')
          }
        />
      </Card>
    </>
  );
}
