import { CheckCircleFilled, CloseCircleFilled, EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractView } from './contractsApi.ts';
import { yuanText } from './contractsFormat.ts';
import { FileLink } from './HistoryCards.tsx';

type Meter = NonNullable<ContractView['handover']>['meterReadings'][number];

function Nothing({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
      {children}
    </Typography.Title>
  );
}

function Files({ files }: { files: ContractView['files'] }) {
  const { t } = useTranslation();
  if (files.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex gap={12} wrap>
      {files.map((f) => (
        <FileLink key={f.id} file={f} />
      ))}
    </Flex>
  );
}

function Meters({ readings }: { readings: Meter[] }) {
  const { t } = useTranslation();
  return (
    <Table<Meter>
      size="small"
      pagination={false}
      rowKey={(m) => `${m.meter}-${m.kind}`}
      dataSource={readings}
      locale={{ emptyText: t('common.none') }}
      columns={[
        { key: 'meter', title: t('contracts.meters.meter'), dataIndex: 'meter' },
        {
          key: 'kind',
          title: t('contracts.meters.kind'),
          dataIndex: 'kind',
          render: (k: Meter['kind']) => t(`contracts.meters.kinds.${k}`),
        },
        { key: 'reading', title: t('contracts.meters.reading'), dataIndex: 'reading', align: 'right' },
      ]}
    />
  );
}

const ok = (yes: boolean) =>
  yes ? (
    <CheckCircleFilled style={{ color: '#52c41a' }} />
  ) : (
    <CloseCircleFilled style={{ color: '#ff4d4f' }} />
  );

/** The explanation of the standard clauses, the signing and where the original is kept. */
export function SigningTab({ view, onArchive }: { view: ContractView; onArchive?: () => void }) {
  const { t } = useTranslation();
  const ex = view.explanation;
  const s = view.signing;
  return (
    <>
      <Heading>{t('contracts.explain.heading')}</Heading>
      {ex ? (
        <Descriptions
          size="small"
          bordered
          column={2}
          data-testid="explanation"
          items={[
            { key: 'to', label: t('contracts.explain.explainedTo'), children: ex.explainedTo },
            { key: 'on', label: t('contracts.explain.explainedOn'), children: ex.explainedOn },
            {
              key: 'clauses',
              label: t('contracts.explain.highlightedClauses'),
              span: 2,
              children: ex.highlightedClauses.map((c) => <Tag key={c}>{c}</Tag>),
            },
            { key: 'by', label: t('contracts.explain.recordedBy'), children: ex.recordedBy?.name ?? '—' },
            { key: 'note', label: t('contracts.note'), children: ex.note || '—' },
          ]}
        />
      ) : (
        <Nothing text={t('contracts.explain.none')} />
      )}
      <Heading>{t('contracts.sign.heading')}</Heading>
      {s ? (
        <Descriptions
          size="small"
          bordered
          column={2}
          data-testid="signing"
          items={[
            { key: 'on', label: t('contracts.signedOn'), children: s.signedOn },
            {
              key: 'copy',
              label: t('contracts.sign.signedCopy'),
              children: <FileLink file={s.signedCopy} />,
            },
            { key: 'lessor', label: t('contracts.sign.lessorSignatory'), children: s.lessorSignatory },
            { key: 'customer', label: t('contracts.sign.customerSignatory'), children: s.customerSignatory },
            { key: 'custodian', label: t('contracts.custodian'), children: view.custodian?.name ?? '—' },
            {
              key: 'where',
              label: t('contracts.archiveLocation'),
              children: (
                <Flex justify="space-between" gap={8}>
                  <span>{view.archiveLocation ?? '—'}</span>
                  {onArchive && (
                    <Button size="small" icon={<EditOutlined />} onClick={onArchive}>
                      {t('contracts.archive.action')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      ) : (
        <Nothing text={t('contracts.sign.none')} />
      )}
    </>
  );
}

/** R3.1.5: the handover record. */
export function HandoverTab({ view }: { view: ContractView }) {
  const { t, i18n } = useTranslation();
  const h = view.handover;
  if (!h) return <Nothing text={t('contracts.handover.none')} />;
  return (
    <div data-testid="handover">
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'on',
            label: t('contracts.handover.handedOverOn'),
            children: <span style={{ whiteSpace: 'nowrap' }}>{h.handedOverOn}</span>,
          },
          {
            key: 'keys',
            label: t('contracts.handover.keys'),
            children:
              h.keys.map((k) => `${k.label} × ${k.count}`).join(i18n.language === 'en' ? '; ' : '；') || '—',
          },
          { key: 'lessor', label: t('contracts.handover.lessorConfirmedBy'), children: h.lessorConfirmedBy },
          {
            key: 'customer',
            label: t('contracts.handover.customerConfirmedBy'),
            children: h.customerConfirmedBy,
          },
          { key: 'note', label: t('contracts.note'), span: 2, children: h.note || '—' },
          {
            key: 'photos',
            label: t('contracts.handover.photos'),
            span: 2,
            children: <Files files={h.photos} />,
          },
        ]}
      />
      <Heading>{t('contracts.handover.facilities')}</Heading>
      <Table
        size="small"
        pagination={false}
        rowKey="item"
        dataSource={h.facilities}
        locale={{ emptyText: t('common.none') }}
        columns={[
          { key: 'item', title: t('contracts.handover.item'), dataIndex: 'item' },
          { key: 'ok', title: t('contracts.handover.ok'), dataIndex: 'ok', width: 80, render: ok },
          {
            key: 'note',
            title: t('contracts.note'),
            dataIndex: 'note',
            render: (n: string | null) => n || '—',
          },
        ]}
      />
      <Heading>{t('contracts.meters.title')}</Heading>
      <Meters readings={h.meterReadings} />
    </div>
  );
}

/** Termination and move-out records, and why a contract was cancelled. */
export function EndTab({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const term = view.termination;
  const out = view.moveOut;
  if (!term && !out && !view.cancelReason) return <Nothing text={t('contracts.end.none')} />;
  return (
    <>
      {view.cancelReason && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[{ key: 'reason', label: t('contracts.cancel.reason'), children: view.cancelReason }]}
        />
      )}
      {term && (
        <>
          <Heading>{t('contracts.terminate.heading')}</Heading>
          <Descriptions
            size="small"
            bordered
            column={2}
            data-testid="termination"
            items={[
              {
                key: 'reason',
                label: t('contracts.terminate.reason'),
                children: t(`contracts.terminationReasons.${term.reason}`),
              },
              { key: 'on', label: t('contracts.terminate.effectiveOn'), children: term.effectiveOn },
              { key: 'np', label: t('contracts.terminate.forNonPayment'), children: ok(term.forNonPayment) },
              { key: 'files', label: t('contracts.terminate.files'), children: <Files files={term.files} /> },
              {
                key: 'liabilities',
                label: t('contracts.terminate.liabilities'),
                span: 2,
                children: term.liabilities,
              },
            ]}
          />
        </>
      )}
      {out && (
        <>
          <Heading>{t('contracts.moveOut.heading')}</Heading>
          <Descriptions
            size="small"
            bordered
            column={2}
            data-testid="move-out"
            items={[
              { key: 'on', label: t('contracts.moveOut.movedOutOn'), children: out.movedOutOn },
              { key: 'keys', label: t('contracts.moveOut.keysReturned'), children: ok(out.keysReturned) },
              { key: 'condition', label: t('contracts.moveOut.condition'), span: 2, children: out.condition },
              {
                key: 'damages',
                label: t('contracts.moveOut.damages'),
                span: 2,
                children:
                  out.damages.map((d) => `${d.item} ${yuanText(d.amountFen)}`).join('；') || t('common.none'),
              },
              {
                key: 'photos',
                label: t('contracts.handover.photos'),
                span: 2,
                children: <Files files={out.photos} />,
              },
            ]}
          />
          <Heading>{t('contracts.meters.title')}</Heading>
          <Meters readings={out.meterReadings} />
        </>
      )}
    </>
  );
}
