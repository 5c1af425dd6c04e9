import { Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

type Json = Record<string, unknown> | null;

interface Props {
  left: Json;
  right: Json;
  leftTitle: ReactNode;
  rightTitle: ReactNode;
  changedTitle: ReactNode;
  emptyText: ReactNode;
}

function changedKeys(left: Json, right: Json): string[] {
  const keys = new Set([...Object.keys(left ?? {}), ...Object.keys(right ?? {})]);
  return [...keys].filter((k) => JSON.stringify(left?.[k]) !== JSON.stringify(right?.[k])).sort();
}

function Pane({ title, value, emptyText }: { title: ReactNode; value: Json; emptyText: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          margin: '4px 0 0',
          padding: 8,
          background: 'rgba(0, 0, 0, 0.03)',
          border: '1px solid rgba(0, 0, 0, 0.06)',
          borderRadius: 4,
          fontSize: 12,
          maxHeight: 320,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value ? JSON.stringify(value, null, 2) : emptyText}
      </pre>
    </Col>
  );
}

/** Two JSON documents next to each other, with the top-level keys that differ listed above them. */
export function JsonSideBySide({ left, right, leftTitle, rightTitle, changedTitle, emptyText }: Props) {
  const changed = changedKeys(left, right);
  return (
    <div>
      {changed.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{changedTitle}</Typography.Text>{' '}
          {changed.map((key) => (
            <Tag key={key} color="orange">
              {key}
            </Tag>
          ))}
        </div>
      )}
      <Row gutter={16}>
        <Pane title={leftTitle} value={left} emptyText={emptyText} />
        <Pane title={rightTitle} value={right} emptyText={emptyText} />
      </Row>
    </div>
  );
}
