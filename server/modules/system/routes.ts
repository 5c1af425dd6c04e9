import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-types.ts';

export function systemRoutes(app: App, deps: Deps) {
  app.get(
    '/api/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.db.kind, version: deps.version }),
  );
}
