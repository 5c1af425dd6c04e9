import type { BrowserContext, Route } from 'playwright-core';

/**
 * The one answer the journeys still fake. A message reaches `failed` only after 8 failed SMTP attempts,
 * and the e2e server has no SMTP server to fail against (without one, deliver-outbox keeps every message
 * in the outbox). So, to check the Retry button, the server's real answers about message `id` are passed
 * on with that message marked failed, and its retry is answered here. Everything else is the server's.
 * Returns the retry calls received, as paths.
 */
export async function stubFailedMessage(context: BrowserContext, id: string): Promise<string[]> {
  const retries: string[] = [];
  const failed = <T extends { id: string }>(m: T): T =>
    m.id === id
      ? {
          ...m,
          status: 'failed',
          attempts: 8,
          nextAttemptAt: null,
          sentAt: null,
          lastError: 'connect ECONNREFUSED 10.0.0.25:25',
        }
      : m;
  const detail = `/api/v1/outbox/${id}`;
  const handle = async (route: Route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === `${detail}/retry`) {
      retries.push(pathname);
      return route.fulfill({ status: 204 });
    }
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    const body = (await response.json()) as { id: string } | { items: { id: string }[] };
    return route.fulfill({
      response,
      json: 'items' in body ? { ...body, items: body.items.map(failed) } : failed(body),
    });
  };
  await context.route((url) => [`/api/v1/outbox`, detail, `${detail}/retry`].includes(url.pathname), handle);
  return retries;
}
