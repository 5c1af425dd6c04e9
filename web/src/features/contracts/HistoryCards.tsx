import { DownloadOutlined } from '@ant-design/icons';
import { Button, Empty, Table, type TableColumnsType, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { VersionStatusTag } from './ContractTags.tsx';
import type { ContractFile, ContractView, VersionView } from './contractsApi.ts';
import { fileHref, sizeText } from './contractsFormat.ts';
import { useEventFacts, useEventLabel } from './useEventLabel.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function FileLink({ file }: { file: ContractFile | null | undefined }) {
  if (!file) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <a href={fileHref(file.href)} target="_blank" rel="noreferrer" data-testid="file-link">
      <DownloadOutlined /> {file.fileName}
    </a>
  );
}

/** Every version of the terms, the pending amendment first to catch management's eye. */
export function VersionsTab({
  view,
  canDecide,
  onDecide,
}: {
  view: ContractView;
  canDecide: boolean;
  onDecide: (v: VersionView) => void;
}) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const columns: TableColumnsType<VersionView> = [
    {
      key: 'version',
      title: t('contracts.versions.version'),
      dataIndex: 'version',
      width: 52,
      render: (n: number) => `v${n}`,
    },
    {
      key: 'status',
      title: t('contracts.status'),
      dataIndex: 'status',
      width: 80,
      render: (s: VersionView['status']) => <VersionStatusTag status={s} />,
    },
    { key: 'from', title: t('contracts.versions.effectiveFrom'), dataIndex: 'effectiveFrom', width: 96 },
    {
      key: 'reason',
      title: t('contracts.amend.reason'),
      render: (_: unknown, v) =>
        v.reason ?? <Typography.Text type="secondary">{t('contracts.versions.original')}</Typography.Text>,
    },
    {
      key: 'agreement',
      title: t('contracts.amend.agreement'),
      width: 150,
      ellipsis: true,
      render: (_: unknown, v) => <FileLink file={v.agreementFile} />,
    },
    {
      key: 'decided',
      title: t('contracts.versions.decision'),
      width: 150,
      render: (_: unknown, v) =>
        v.status === 'pending' ? (
          canDecide ? (
            <Button size="small" type="primary" onClick={() => onDecide(v)} data-testid="decide-version">
              {t('contracts.versions.decide')}
            </Button>
          ) : (
            <Typography.Text type="warning">{t('contracts.versions.awaiting')}</Typography.Text>
          )
        ) : v.decidedBy ? (
          <span>
            {v.decidedBy.name} · {formatInstant(v.decidedAt, timeZone).slice(0, 10)}
            {v.decisionComment && (
              <>
                <br />
                <Typography.Text type="secondary">{v.decisionComment}</Typography.Text>
              </>
            )}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  const rows = [...view.versions].sort((a, b) =>
    a.status === 'pending' ? -1 : b.status === 'pending' ? 1 : b.version - a.version,
  );
  return (
    <Table<VersionView>
      size="small"
      rowKey="version"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="versions"
      tableLayout="fixed"
    />
  );
}

/** The contract's ledger of events, newest first. */
export function EventsTimeline({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const label = useEventLabel();
  const facts = useEventFacts();
  if (view.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.events.empty')} />;
  const events = [...view.events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="events"
      items={events.map((e) => ({
        key: e.id,
        content: (
          <div>
            <Typography.Text strong>{label(e.kind)}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={NOWRAP}>
              {e.onDate}
            </Typography.Text>
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">
                {[e.actor?.name, formatInstant(e.at, timeZone).slice(0, 16)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
            {facts(e.data).map(([k, v]) => (
              <div key={k} style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">
                  {k}
                  {t('customers.colon')}
                </Typography.Text>
                <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                  {v}
                </Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

/** Every file the contract holds: signed copy, agreements, evidence, photos. */
export function FilesTab({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const columns: TableColumnsType<ContractFile> = [
    { key: 'name', title: t('contracts.files.name'), render: (_: unknown, f) => <FileLink file={f} /> },
    {
      key: 'purpose',
      title: t('contracts.files.purpose'),
      dataIndex: 'purpose',
      width: 120,
      render: (p: ContractFile['purpose']) => t(`contracts.filePurposes.${p}`),
    },
    {
      key: 'size',
      title: t('contracts.files.size'),
      dataIndex: 'size',
      width: 90,
      align: 'right',
      render: sizeText,
    },
    {
      key: 'at',
      title: t('contracts.files.uploadedAt'),
      dataIndex: 'uploadedAt',
      width: 150,
      render: (at: string) => <span style={NOWRAP}>{formatInstant(at, timeZone).slice(0, 16)}</span>,
    },
  ];
  return (
    <Table<ContractFile>
      size="small"
      rowKey="id"
      pagination={false}
      columns={columns}
      dataSource={view.files}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.files.empty')} />,
      }}
    />
  );
}
