import { Badge, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { formatInstant } from '../../app/format.ts';
import type { NotificationView } from './notificationsApi.ts';

interface Props {
  notification: NotificationView;
  timeZone: string;
  onOpen: (notification: NotificationView) => void;
}

/** One notification in the bell's list: unread ones carry a dot and a bold title. */
export function NotificationRow({ notification, timeZone, onOpen }: Props) {
  const { token } = theme.useToken();
  const [hover, setHover] = useState(false);
  const unread = !notification.readAt;

  return (
    <button
      type="button"
      data-testid="notification-row"
      onClick={() => onOpen(notification)}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        font: 'inherit',
        border: 'none',
        padding: '8px 12px',
        cursor: 'pointer',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: hover ? token.colorFillTertiary : unread ? token.colorPrimaryBg : 'transparent',
      }}
    >
      <Flex gap={8} align="baseline">
        <Badge status={unread ? 'processing' : 'default'} />
        <Flex vertical style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong={unread} ellipsis>
            {notification.title}
          </Typography.Text>
          {notification.body && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
              {notification.body}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(notification.createdAt, timeZone)}
          </Typography.Text>
        </Flex>
      </Flex>
    </button>
  );
}
