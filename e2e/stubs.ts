import type { BrowserContext } from 'playwright-core';

// No feature produces notifications or e-mail yet, so these journeys answer those API calls themselves.
const NOW = '2026-03-02T01:30:00.000Z';

export const NOTIFICATIONS = [
  {
    id: '01900000-0000-7000-8000-000000000001',
    title: '李法务 提交了法务审核意见',
    body: '租赁申请 SQ-2026-000012（上海云帆科技有限公司）等待管理层审批。',
    link: '/users',
    entityType: 'application',
    entityId: '01900000-0000-7000-8000-0000000000aa',
    createdAt: NOW,
    readAt: null,
  },
  {
    id: '01900000-0000-7000-8000-000000000002',
    title: '账单 ZD-202603-000045 已逾期',
    body: '客户 杭州青禾物流有限公司 的 3 月租金 ¥48,600.00 已逾期 5 天。',
    link: null,
    entityType: 'bill',
    entityId: '01900000-0000-7000-8000-0000000000bb',
    createdAt: '2026-03-01T02:00:00.000Z',
    readAt: '2026-03-01T03:00:00.000Z',
  },
];

export const MESSAGE = {
  id: '01900000-0000-7000-8000-000000000101',
  to: ['finance@qinghe-logistics.cn'],
  cc: ['business@demo.tenantry.cn'],
  subject: '催缴通知书 CJ-2026-000003',
  status: 'failed',
  attempts: 3,
  nextAttemptAt: null,
  lastError: 'connect ECONNREFUSED 10.0.0.25:25',
  sentAt: null,
  createdAt: NOW,
  entityType: 'reminder',
  entityId: '01900000-0000-7000-8000-0000000000cc',
  attachments: [{ kind: 'reminder', id: '01900000-0000-7000-8000-0000000000cc', filename: '催缴通知书.pdf' }],
};

const DETAIL = {
  ...MESSAGE,
  text: '尊敬的客户：\n\n贵司 3 月租金 ¥48,600.00 已逾期，请于 3 月 10 日前付清。\n\n演示租赁有限公司',
  html: '<p>ignored</p>',
};

/** Answers the notification and outbox calls of `context`; returns the writes it received, as paths. */
export async function stubMessaging(context: BrowserContext): Promise<string[]> {
  const writes: string[] = [];
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/notifications'),
    (route) => {
      const { pathname } = new URL(route.request().url());
      if (route.request().method() === 'POST') {
        writes.push(pathname);
        return route.fulfill({ status: 204 });
      }
      if (pathname.endsWith('/unread-count')) return route.fulfill({ json: { count: 1 } });
      return route.fulfill({ json: { items: NOTIFICATIONS, nextCursor: null, unreadCount: 1 } });
    },
  );
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/outbox'),
    (route) => {
      const { pathname } = new URL(route.request().url());
      if (route.request().method() === 'POST') {
        writes.push(pathname);
        return route.fulfill({ status: 204 });
      }
      if (pathname === '/api/v1/outbox')
        return route.fulfill({ json: { items: [MESSAGE], nextCursor: null } });
      return route.fulfill({ json: DETAIL });
    },
  );
  return writes;
}
