import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, testApp } from '../../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
});
afterAll(() => h.close());

describe('health, API description and errors (issue 2 §8-9)', () => {
  it('reports health with the database kind', async () => {
    const r = await h.call(null, 'GET', '/api/health');
    expect(r.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version: 'test',
    });
  });

  it('serves OpenAPI 3 generated from the route schemas, and browsable docs', async () => {
    const spec = (await h.call(null, 'GET', '/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/audit',
        '/api/v1/jobs/runs',
      ]),
    );
    expect(
      spec.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties.password
        .minLength,
    ).toBe(10);
    const docs = await h.call(null, 'GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API paths with a JSON 404 and a request id', async () => {
    const r = await h.call(null, 'GET', '/api/v1/nothing-here');
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'ROUTE_NOT_FOUND', requestId: r.headers['x-request-id'] });
  });

  it('answers malformed JSON with 400 and never a stack trace', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_REQUEST');
  });

  it('logs an unexpected error with the request id and shows the client only the id', async () => {
    const logged: unknown[] = [];
    const { buildApp } = await import('../../app.ts');
    const app = await buildApp(h.deps, {
      logger: { level: 'error', stream: { write: (l: string) => logged.push(JSON.parse(l)) } },
    });
    app.get('/api/test/boom', { config: { policy: 'public' } }, async () => {
      throw new Error('secret internals at /srv/app.ts:42');
    });
    await app.ready();
    const r = await app.inject({
      method: 'GET',
      url: '/api/test/boom',
      headers: { 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(500);
    const body = r.json();
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(body.error.message).toBe(`Internal server error (request ${r.headers['x-request-id']})`);
    expect(r.body).not.toContain('secret');
    expect(JSON.stringify(logged)).toContain('secret internals');
    expect(JSON.stringify(logged)).toContain(String(r.headers['x-request-id']));
    await app.close();
  });
});

describe('web app', () => {
  it('serves the built app with the SPA fallback, and caches hashed assets for good', async () => {
    const { default: fs } = await import('node:fs');
    const web = await testApp({ TENANTRY_WEB_DIR: 'web/dist' });
    try {
      if (!fs.existsSync('web/dist/index.html'))
        throw new Error('web/dist is missing: npm install builds it');
      const root = await web.call(null, 'GET', '/');
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<div id="root">');
      const deep = await web.call(null, 'GET', '/users/whatever');
      expect(deep.statusCode).toBe(200);
      expect(deep.headers['cache-control']).toBe('no-cache');
      expect(deep.body).toBe(root.body);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(root.body)![1]!;
      const js = await web.call(null, 'GET', asset);
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toContain('immutable');
      expect((await web.call(null, 'GET', '/api/v1/nope')).statusCode).toBe(404);
    } finally {
      await web.close();
    }
  });
});
