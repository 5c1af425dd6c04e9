import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { pageOf, uuidParam } from '../../../common/schemas/paging.ts';
import {
  buildingBody,
  buildingView,
  floorPlan as floorPlanSchema,
  occupancyRow,
  occupancyReport as occupancySchema,
  siteBody,
  siteView,
  unavailableBody,
  unitBody,
  unitsQuery,
  unitView,
  updateUnitBody,
} from '../../../common/schemas/spaces.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { createBuilding } from './createBuilding.ts';
import { createSite } from './createSite.ts';
import { createUnit } from './createUnit.ts';
import { deleteUnit } from './deleteUnit.ts';
import { occupyUnits } from './occupy.ts';
import { presentBuilding, presentOccupancy, presentSite } from './present.ts';
import { findBuildings, findSites, findUnits, floorPlan, occupancyReport } from './queries.ts';
import { releaseManual } from './releaseManual.ts';
import { listBuildings, listSites, listUnits, occupancyOfUnit } from './repo.ts';
import { updateBuilding } from './updateBuilding.ts';
import { updateSite } from './updateSite.ts';
import { updateUnit } from './updateUnit.ts';

const read = STAFF_ROLES;
const write = ['admin', 'business'] as const;
const paging = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const asOfQuery = z.object({ asOf: z.iso.date().optional() });
const unitDetail = unitView.extend({ occupancy: z.array(occupancyRow) });

export function spaceRoutes(app: App) {
  const today = (req: { auth: { org: { timeZone: string } } | null }) => todayIn(req.auth!.org.timeZone);

  app.get(
    '/api/v1/sites',
    {
      config: { policy: read },
      schema: {
        tags: ['spaces'],
        summary: 'Sites (园区/大厦)',
        querystring: paging,
        response: { 200: pageOf(siteView) },
      },
    },
    (req) => req.inOrg((ctx) => findSites(ctx, req.query)),
  );
  app.get(
    '/api/v1/sites/:id',
    {
      config: { policy: read },
      schema: { tags: ['spaces'], params: uuidParam, response: { 200: siteView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const [s] = await listSites(ctx.tx, { id: req.params.id, limit: 1 });
        if (!s) throw notFound('site');
        return presentSite(s);
      }),
  );
  app.post(
    '/api/v1/sites',
    { config: { policy: write }, schema: { tags: ['spaces'], body: siteBody, response: { 201: siteView } } },
    async (req, reply) => {
      const s = await req.inOrg(
        async (ctx) => (await listSites(ctx.tx, { id: (await createSite(ctx, req.body)).id, limit: 1 }))[0]!,
      );
      return reply.status(201).send(presentSite(s));
    },
  );
  app.patch(
    '/api/v1/sites/:id',
    {
      config: { policy: write },
      schema: { tags: ['spaces'], params: uuidParam, body: siteBody.partial(), response: { 200: siteView } },
    },
    (req) => req.inOrg((ctx) => updateSite(ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/buildings',
    {
      config: { policy: read },
      schema: {
        tags: ['spaces'],
        summary: 'Buildings',
        querystring: paging.extend({ siteId: z.uuid().optional() }),
        response: { 200: pageOf(buildingView) },
      },
    },
    (req) => req.inOrg((ctx) => findBuildings(ctx, req.query)),
  );
  app.get(
    '/api/v1/buildings/:id',
    {
      config: { policy: read },
      schema: { tags: ['spaces'], params: uuidParam, response: { 200: buildingView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const [b] = await listBuildings(ctx.tx, { id: req.params.id, limit: 1 });
        if (!b) throw notFound('building');
        return presentBuilding(b);
      }),
  );
  app.post(
    '/api/v1/buildings',
    {
      config: { policy: write },
      schema: { tags: ['spaces'], body: buildingBody, response: { 201: buildingView } },
    },
    async (req, reply) => {
      const b = await req.inOrg(
        async (ctx) =>
          (await listBuildings(ctx.tx, { id: (await createBuilding(ctx, req.body)).id, limit: 1 }))[0]!,
      );
      return reply.status(201).send(presentBuilding(b));
    },
  );
  app.patch(
    '/api/v1/buildings/:id',
    {
      config: { policy: write },
      schema: {
        tags: ['spaces'],
        params: uuidParam,
        body: buildingBody.omit({ siteId: true }).partial(),
        response: { 200: buildingView },
      },
    },
    async (req) => presentBuilding(await req.inOrg((ctx) => updateBuilding(ctx, req.params.id, req.body))),
  );
  app.get(
    '/api/v1/buildings/:id/floor-plan',
    {
      config: { policy: read },
      schema: {
        tags: ['spaces'],
        summary: '租控图: floors, units and their status on a date',
        params: uuidParam,
        querystring: asOfQuery,
        response: { 200: floorPlanSchema },
      },
    },
    (req) => req.inOrg((ctx) => floorPlan(ctx, req.params.id, req.query.asOf ?? today(req))),
  );

  app.get(
    '/api/v1/units',
    {
      config: { policy: read },
      schema: {
        tags: ['spaces'],
        summary: 'Units with their status on a date',
        querystring: unitsQuery,
        response: { 200: pageOf(unitView) },
      },
    },
    (req) =>
      req.inOrg((ctx) =>
        findUnits(ctx, {
          ...req.query,
          asOf: req.query.asOf ?? today(req),
          includeRetired: req.query.includeRetired === 'true',
        }),
      ),
  );
  app.get(
    '/api/v1/units/:id',
    {
      config: { policy: read },
      schema: { tags: ['spaces'], params: uuidParam, querystring: asOfQuery, response: { 200: unitDetail } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const [u] = await listUnits(ctx.tx, {
          id: req.params.id,
          asOf: req.query.asOf ?? today(req),
          limit: 1,
        });
        if (!u) throw notFound('unit');
        return { ...u, occupancy: (await occupancyOfUnit(ctx.tx, u.id)).map(presentOccupancy) };
      }),
  );
  app.post(
    '/api/v1/units',
    { config: { policy: write }, schema: { tags: ['spaces'], body: unitBody, response: { 201: unitView } } },
    async (req, reply) => {
      const u = await req.inOrg(async (ctx) => {
        const created = await createUnit(ctx, req.body);
        return (await listUnits(ctx.tx, { id: created.id, asOf: today(req), limit: 1 }))[0]!;
      });
      return reply.status(201).send(u);
    },
  );
  app.patch(
    '/api/v1/units/:id',
    {
      config: { policy: write },
      schema: { tags: ['spaces'], params: uuidParam, body: updateUnitBody, response: { 200: unitView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await updateUnit(ctx, req.params.id, req.body);
        return (await listUnits(ctx.tx, { id: req.params.id, asOf: today(req), limit: 1 }))[0]!;
      }),
  );
  app.delete(
    '/api/v1/units/:id',
    {
      config: { policy: write },
      schema: { tags: ['spaces'], params: uuidParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await req.inOrg((ctx) => deleteUnit(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/units/:id/unavailability',
    {
      config: { policy: write },
      schema: {
        tags: ['spaces'],
        summary: 'Mark a unit unavailable for a period, with a reason',
        params: uuidParam,
        body: unavailableBody,
        response: { 201: occupancyRow },
      },
    },
    async (req, reply) => {
      const [row] = await req.inOrg((ctx) =>
        occupyUnits(ctx, {
          unitIds: [req.params.id],
          kind: 'unavailable',
          from: req.body.from,
          to: req.body.to,
          sourceType: 'manual',
          reason: req.body.reason,
        }),
      );
      return reply.status(201).send(presentOccupancy(row!));
    },
  );
  app.delete(
    '/api/v1/units/:id/occupancy/:occupancyId',
    {
      config: { policy: write },
      schema: {
        tags: ['spaces'],
        summary: 'End a period set unavailable by hand',
        params: z.object({ id: z.uuid(), occupancyId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.inOrg((ctx) => releaseManual(ctx, req.params.id, req.params.occupancyId));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/spaces/occupancy',
    {
      config: { policy: read },
      schema: {
        tags: ['spaces'],
        summary: 'Occupancy by site and building on a date',
        querystring: asOfQuery,
        response: { 200: occupancySchema },
      },
    },
    (req) => req.inOrg((ctx) => occupancyReport(ctx, req.query.asOf ?? today(req))),
  );
}
