import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { renderHtml } from '../../platform/documents/renderHtml.ts';
import { renderPdf } from '../../platform/documents/renderPdf.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';

export function documentRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/documents/:kind/:id',
    {
      // Signed-in staff; each document kind then names the roles that may open it.
      config: { policy: 'authenticated' },
      schema: {
        tags: ['documents'],
        summary: 'A document as PDF (default) or print-friendly HTML',
        params: z.object({ kind: z.string().max(64), id: z.string().max(64) }),
        querystring: z.object({ format: z.enum(['pdf', 'html']).default('pdf') }),
      },
    },
    async (req, reply) => {
      const kind = deps.documents.get(req.params.kind);
      if (!kind) throw new AppError('DOCUMENT_KIND_UNKNOWN', { kind: req.params.kind });
      if (!kind.roles.some((r) => req.auth!.roles.includes(r))) throw new AppError('FORBIDDEN');
      const model = await req.inOrg((ctx) => kind.load(ctx, req.params.id));
      if (!model) throw notFound('document');
      if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(renderHtml(model));
      const name = `${model.title}${model.number ? `-${model.number}` : ''}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await renderPdf(model));
    },
  );
}
