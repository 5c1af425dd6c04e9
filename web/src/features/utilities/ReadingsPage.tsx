import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Input,
  type InputRef,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { useToday } from '../contracts/SigningModals.tsx';
import { BuildingSelect } from './BuildingSelect.tsx';
import { ImportReadingsModal } from './ImportReadingsModal.tsx';
import { type Draft, liveConsumption, problemsByMeter } from './readingGrid.ts';
import {
  deleteReading,
  type GridRow,
  type Reading,
  saveReadings,
  UNIT_OF,
  UTILITIES,
  useCanWriteUtilities,
  useGrid,
} from './utilitiesApi.ts';

/** What a recorded reading charged, and the shares nobody leased (the landlord bears them). */
function ChargesCell({ reading }: { reading: Reading }) {
  const { t } = useTranslation();
  if (reading.baseline) return <Tag>{t('utilities.baseline')}</Tag>;
  return (
    <Space size={4} wrap>
      {reading.charges.map((c) => (
        <Tag
          key={`${c.unitId}-${c.contractId}`}
          color={c.billId ? 'blue' : 'gold'}
          data-testid="reading-charge"
        >
          {c.unitCode} {c.contractNumber} {yuanText(c.totalFen)} ·{' '}
          {c.billId ? t('utilities.billed') : t('utilities.planned', { date: c.dueDate })}
        </Tag>
      ))}
      {reading.unbilled.map((u) => (
        <Tag key={u.unitId} color="default" data-testid="reading-unbilled">
          {u.unitCode} {t('utilities.vacantNotBilled', { quantity: u.quantity })}
        </Tag>
      ))}
    </Space>
  );
}

/** The monthly grid (R5.2.1): a building and a date, one row a meter; Tab or Enter moves down the values. */
export function ReadingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const canWrite = useCanWriteUtilities();
  const today = useToday();
  // The building may come in the address (a link, a bookmark for the monthly round).
  const [params] = useSearchParams();
  const [buildingId, setBuildingId] = useState<string | undefined>(params.get('buildingId') ?? undefined);
  const [readOn, setReadOn] = useState<Dayjs>(today);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [importing, setImporting] = useState(false);
  const inputs = useRef<(InputRef | null)[]>([]);
  const day = readOn.format('YYYY-MM-DD');
  const grid = useGrid(buildingId, day);
  const rows = grid.data?.rows ?? [];
  const open = rows.filter((r) => !r.current);

  const edit = (meterId: string, change: Partial<Draft>) => {
    setDrafts((d) => ({
      ...d,
      [meterId]: { value: '', replacement: false, startValue: '', ...d[meterId], ...change },
    }));
    setErrors((e) => ({ ...e, [meterId]: [] }));
  };
  const move = (index: number, by: number) => {
    const order = open.map((r) => rows.indexOf(r));
    const at = order.indexOf(index);
    const next = order[at + by];
    if (next !== undefined) inputs.current[next]?.focus({ cursor: 'all' });
  };

  const submitted = open
    .filter((r) => drafts[r.meterId]?.value.trim())
    .map((r) => {
      const d = drafts[r.meterId]!;
      return {
        meterId: r.meterId,
        value: d.value.trim(),
        replacement: d.replacement,
        startValue: d.replacement ? d.startValue.trim() || null : null,
      };
    });
  const save = useMutation({
    mutationFn: () => saveReadings({ readOn: day, rows: submitted }),
    onSuccess: (r) => {
      void message.success(t('utilities.readingsSaved', { count: r.readings.length }));
      setDrafts({});
      setErrors({});
      void qc.invalidateQueries({ queryKey: [UTILITIES] });
    },
    onError: (e) => {
      const problems =
        e instanceof ApiError
          ? (e.details?.problems as { row: number; message: string }[] | undefined)
          : undefined;
      if (problems) {
        setErrors(problemsByMeter(problems, submitted));
        void message.error(t('utilities.rowsHaveProblems', { count: problems.length }));
      } else showError(e, message);
    },
  });
  const remove = useMutation({
    mutationFn: deleteReading,
    onSuccess: () => void qc.invalidateQueries({ queryKey: [UTILITIES] }),
    onError: (e) => showError(e, message),
  });

  const columns: TableColumnsType<GridRow> = [
    {
      key: 'code',
      title: t('utilities.code'),
      dataIndex: 'code',
      width: 110,
      render: (c: string) => <code style={{ whiteSpace: 'nowrap' }}>{c}</code>,
    },
    {
      key: 'type',
      title: t('utilities.type'),
      width: 130,
      // The multiplier beside the type: (this - last) x multiplier is what the row bills.
      render: (_: unknown, r) =>
        `${t(`utilities.types.${r.type}`)}（${UNIT_OF[r.type]}）${r.multiplier === '1' ? '' : ` ×${r.multiplier}`}`,
    },
    {
      key: 'unit',
      title: t('utilities.unit'),
      width: 80,
      render: (_: unknown, r) =>
        r.shared ? <Tag color="purple">{t('utilities.sharedShort')}</Tag> : r.unitCode,
    },
    {
      key: 'last',
      title: t('utilities.lastReading'),
      width: 130,
      render: (_: unknown, r) =>
        r.last ? (
          <span>
            {r.last.value} <Typography.Text type="secondary">{r.last.readOn}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('utilities.noReadingYet')}</Typography.Text>
        ),
    },
    {
      key: 'value',
      title: t('utilities.newValue'),
      width: 150,
      render: (_: unknown, r, index) => {
        if (r.current) return <strong>{r.current.value}</strong>;
        const problems = errors[r.meterId] ?? [];
        return (
          <div>
            <Input
              ref={(el) => {
                inputs.current[index] = el;
              }}
              id={`reading-value-${r.code}`}
              aria-label={`${r.code} ${t('utilities.newValue')}`}
              inputMode="decimal"
              disabled={!canWrite}
              status={problems.length ? 'error' : undefined}
              value={drafts[r.meterId]?.value ?? ''}
              onChange={(e) => edit(r.meterId, { value: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) {
                  e.preventDefault();
                  move(index, 1);
                } else if (e.key === 'Tab' && e.shiftKey) {
                  e.preventDefault();
                  move(index, -1);
                }
              }}
            />
            {problems.map((p) => (
              <Typography.Text
                key={p}
                type="danger"
                style={{ display: 'block', fontSize: 12 }}
                data-testid="row-error"
              >
                {p}
              </Typography.Text>
            ))}
          </div>
        );
      },
    },
    {
      key: 'replacement',
      title: t('utilities.replacement'),
      width: 120,
      render: (_: unknown, r) => {
        if (r.current)
          return r.current.replacement ? `${t('utilities.replacement')} ${r.current.startValue}` : null;
        const d = drafts[r.meterId];
        return (
          <Space size={4}>
            <Checkbox
              tabIndex={-1}
              disabled={!canWrite}
              checked={!!d?.replacement}
              onChange={(e) => edit(r.meterId, { replacement: e.target.checked })}
            />
            {d?.replacement && (
              <Input
                size="small"
                placeholder={t('utilities.startValue')}
                value={d.startValue}
                onChange={(e) => edit(r.meterId, { startValue: e.target.value })}
                style={{ width: 80 }}
              />
            )}
          </Space>
        );
      },
    },
    {
      key: 'consumption',
      title: t('utilities.consumption'),
      width: 100,
      align: 'right',
      render: (_: unknown, r) => {
        const c = r.current
          ? r.current.consumption
          : liveConsumption(drafts[r.meterId], r.last?.value ?? null, r.multiplier);
        if (c === null) return '—';
        return c.startsWith('-') ? <Typography.Text type="danger">{c}</Typography.Text> : c;
      },
    },
    {
      key: 'charges',
      title: t('utilities.charges'),
      minWidth: 220,
      render: (_: unknown, r) =>
        r.current ? (
          <Space size={4} wrap>
            <ChargesCell reading={r.current} />
            {canWrite && !r.current.charges.some((c) => c.billId) && (
              <Button
                type="link"
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t('utilities.deleteReadingConfirm', { code: r.code }),
                    onOk: () => remove.mutateAsync(r.current!.id),
                  })
                }
              >
                {t('utilities.delete')}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.utilityReadings')}
        subtitle={t('utilities.readingsSubtitle')}
        extra={
          canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('utilities.importSheet')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <BuildingSelect
            id="grid-building"
            value={buildingId}
            onChange={(b) => {
              setBuildingId(b);
              setDrafts({});
              setErrors({});
            }}
            width={260}
          />
          <DatePicker
            id="grid-date"
            allowClear={false}
            value={readOn}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(d) => {
              if (d) setReadOn(d);
              setDrafts({});
              setErrors({});
            }}
          />
          {canWrite && (
            <Button
              type="primary"
              id="save-readings"
              disabled={!submitted.length}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('utilities.saveReadings', { count: submitted.length })}
            </Button>
          )}
          <Link to="/utilities/rates">{t('nav.utilityRates')}</Link>
        </Space>
        {!buildingId ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('utilities.chooseBuilding')} />
        ) : grid.isError ? (
          <LoadFailed message={grid.error.message} onRetry={() => void grid.refetch()} />
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('utilities.gridHint')} />
            <Table<GridRow>
              size="small"
              rowKey="meterId"
              columns={columns}
              dataSource={rows}
              loading={grid.isFetching}
              pagination={false}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('utilities.noMetersInBuilding')}
                  />
                ),
              }}
            />
          </>
        )}
      </Card>
      {importing && <ImportReadingsModal onClose={() => setImporting(false)} />}
    </>
  );
}
