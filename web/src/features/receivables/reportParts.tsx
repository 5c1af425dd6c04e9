import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../contracts/contractsFormat.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** An amount in a dense table: right-aligned yuan, negatives (credit) in the danger colour. */
export function Money({ fen, strong }: { fen: number; strong?: boolean }) {
  return (
    <Typography.Text style={NOWRAP} strong={strong} type={fen < 0 ? 'danger' : undefined}>
      {yuanText(fen)}
    </Typography.Text>
  );
}

/** A money column of a report table. */
export const moneyColumn = <T,>(key: keyof T & string, title: string, width = 120) => ({
  key,
  title,
  dataIndex: key,
  width,
  align: 'right' as const,
  render: (fen: number) => <Money fen={fen} />,
});

/** The cells of a totals row (Ant Design Table summary), first the label spanning `span` columns. */
export function TotalsRow({ span, label, cells }: { span: number; label: string; cells: React.ReactNode[] }) {
  return (
    <Table.Summary fixed>
      <Table.Summary.Row>
        <Table.Summary.Cell index={0} colSpan={span}>
          <Typography.Text strong>{label}</Typography.Text>
        </Table.Summary.Cell>
        {cells.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the cells are positional columns
          <Table.Summary.Cell key={i} index={span + i} align="right">
            {c}
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  );
}

/** The as-of date: empty means today in the organization's zone (the server decides). */
export function AsOfPicker({
  value,
  onChange,
}: {
  value?: string | undefined;
  onChange: (d?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker
      id="report-as-of"
      placeholder={t('receivables.asOfToday')}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
      style={{ width: 160 }}
      prefix={<Typography.Text type="secondary">{t('receivables.asOf')}</Typography.Text>}
    />
  );
}

export function ExportButton({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid="report-export">
      {t('receivables.export')}
    </Button>
  );
}
