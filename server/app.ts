import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { applicationRoutes } from './modules/applications/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import {
  billingReportRoutes,
  billingRoutes,
  chargeRequestRoutes,
  invoiceRoutes,
  settlementRoutes,
  statementRoutes,
} from './modules/billing/index.ts';
import { contractRoutes } from './modules/contracts/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { exportRoutes } from './modules/imports/exportRoutes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { jobRoutes } from './modules/jobs/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { organizationRoutes } from './modules/orgs/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { spaceRoutes } from './modules/spaces/routes.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { utilityRoutes } from './modules/utilities/index.ts';
import type { Deps } from './platform/deps.ts';
import { AppError } from './platform/errors.ts';
import type { App } from './platform/http/app-types.ts';
import { registerAuth } from './platform/http/authHook.ts';
import { registerErrorHandling } from './platform/http/errorHandler.ts';
import { newId } from './platform/ids.ts';
import './platform/http/types.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Every route as registered, for the route-policy test (read `config` after the app is ready). */
  onRoute?: (r: { method: string | string[]; url: string; config?: { policy?: unknown } }) => void;
}

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => newId(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onRoute', (r) => opts.onRoute?.(r));
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  // Uploads (qualification documents, import sheets); each route reads its parts and checks sizes itself.
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  registerAuth(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Tenantry API', version: deps.version },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tenantry_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  // Everything registered in here (API docs, the web app's files) is public, declared in this one place.
  await app.register(async (pub) => {
    pub.addHook('onRoute', (r) => {
      r.config = { ...r.config, policy: 'public' };
    });
    pub.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
    await pub.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    if (fs.existsSync(path.join(deps.config.webDir, 'index.html'))) {
      await pub.register(fastifyStatic, {
        root: deps.config.webDir,
        wildcard: false,
        index: ['index.html'],
        // Built assets carry a content hash in their names: cache them for good; index.html is revalidated.
        setHeaders: (reply, file) => {
          if (file.includes(`${path.sep}assets${path.sep}`))
            reply.header('cache-control', 'public, max-age=31536000, immutable');
          else reply.header('cache-control', 'no-cache');
        },
      });
    }
  });

  systemRoutes(app, deps);
  authRoutes(app, deps);
  userRoutes(app);
  auditRoutes(app);
  jobRoutes(app, deps);
  organizationRoutes(app);
  notificationRoutes(app);
  outboxRoutes(app, deps);
  documentRoutes(app, deps);
  spaceRoutes(app);
  customerRoutes(app, deps);
  applicationRoutes(app, deps);
  contractRoutes(app, deps);
  billingRoutes(app, deps);
  billingReportRoutes(app);
  settlementRoutes(app);
  statementRoutes(app);
  chargeRequestRoutes(app);
  invoiceRoutes(app);
  importRoutes(app);
  exportRoutes(app);
  reportRoutes(app);
  utilityRoutes(app);

  // API paths answer 404 in JSON; any other path is a page of the single-page web app.
  app.setNotFoundHandler((req, reply) => {
    const webIndex = path.join(deps.config.webDir, 'index.html');
    if (!req.url.startsWith('/api') && req.method === 'GET' && fs.existsSync(webIndex)) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(webIndex));
    }
    throw new AppError('ROUTE_NOT_FOUND');
  });
  return app;
}
