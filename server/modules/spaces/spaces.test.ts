import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { systemCtx } from '../../platform/context.ts';
import { occupyUnits, releaseUnits } from './occupy.ts';

let h: Harness;
let biz: Session;
let siteId: string;
let buildingId: string;
const unitIds: Record<string, string> = {};

const unit = (code: string, extra: object = {}) => ({
  buildingId,
  code,
  type: 'office',
  floor: 12,
  grossArea: '256.38',
  insideArea: '201.50',
  usableArea: '180.00',
  listPrice: '4.5',
  priceBasis: 'per_sqm_day',
  facilities: ['中央空调', '网络'],
  certificateNo: '沪(2020)浦字第000123号',
  ...extra,
});
const occupy = (input: Parameters<typeof occupyUnits>[1]) =>
  h.db.inOrg(h.orgs.demo, (tx) => occupyUnits(systemCtx(tx, h.orgs.demo), input));

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  siteId = (
    await h.call(biz, 'POST', '/api/v1/sites', {
      name: '测试科技园',
      city: '上海',
      address: '上海市浦东新区测试路1号',
    })
  ).json().id;
  buildingId = (
    await h.call(biz, 'POST', '/api/v1/buildings', { siteId, name: 'A座', floorsAbove: 20, floorsBelow: 2 })
  ).json().id;
  for (const [code, floor, type, area] of [
    ['1201', 12, 'office', '256.38'],
    ['1202', 12, 'office', '120.00'],
    ['B101', -1, 'warehouse', '800.00'],
  ] as const) {
    const r = await h.call(
      biz,
      'POST',
      '/api/v1/units',
      unit(code, { floor, type, grossArea: area, insideArea: area, usableArea: area }),
    );
    expect(r.statusCode, r.body).toBe(201);
    unitIds[code] = r.json().id;
  }
});
afterAll(() => h.close());

describe('spaces (issue 4, R1.1)', () => {
  it('creates sites, buildings and units and reads them back', async () => {
    const u = (await h.call(biz, 'GET', `/api/v1/units/${unitIds['1201']}`)).json();
    expect(u).toMatchObject({
      code: '1201',
      siteName: '测试科技园',
      buildingName: 'A座',
      grossArea: '256.38',
      listPrice: '4.5000',
      status: 'vacant',
      occupancy: [],
    });
    const site = (await h.call(biz, 'GET', `/api/v1/sites/${siteId}`)).json();
    expect(site).toMatchObject({ buildingCount: 1, unitCount: 3 });
  });

  it('refuses bad units with the field named', async () => {
    const areas = await h.call(biz, 'POST', '/api/v1/units', unit('X1', { usableArea: '300.00' }));
    expect(areas.json().error).toMatchObject({ code: 'UNIT_AREAS_INVALID', field: 'usableArea' });
    const floor = await h.call(biz, 'POST', '/api/v1/units', unit('X2', { floor: 25 }));
    expect(floor.json().error).toMatchObject({ code: 'UNIT_FLOOR_OUT_OF_RANGE', field: 'floor' });
    const dup = await h.call(biz, 'POST', '/api/v1/units', unit('1201'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'UNIT_CODE_TAKEN', field: 'code' });
    const decimals = await h.call(biz, 'POST', '/api/v1/units', unit('X3', { grossArea: '1.234' }));
    expect(decimals.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'grossArea' });
    const site = await h.call(biz, 'POST', '/api/v1/sites', {
      name: '测试科技园',
      city: '上海',
      address: 'x',
    });
    expect(site.json().error).toMatchObject({ code: 'SITE_NAME_TAKEN', field: 'name' });
    const shrink = await h.call(biz, 'PATCH', `/api/v1/buildings/${buildingId}`, { floorsAbove: 10 });
    expect(shrink.json().error).toMatchObject({ code: 'BUILDING_FLOORS_IN_USE', field: 'floorsAbove' });
  });

  it('keeps availability as date ranges and refuses overlaps in the database', async () => {
    const id = unitIds['1201']!;
    await occupy({
      unitIds: [id],
      kind: 'leased',
      from: '2027-01-01',
      to: '2027-12-31',
      sourceType: 'contract',
      sourceId: '01939d4f-0000-7000-8000-00000000c001',
    });
    // someone else may lease it from the next year on
    await occupy({
      unitIds: [id],
      kind: 'reserved',
      from: '2028-01-01',
      to: '2028-06-30',
      sourceType: 'application',
      sourceId: '01939d4f-0000-7000-8000-00000000a001',
    });
    await expect(
      occupy({
        unitIds: [id],
        kind: 'reserved',
        from: '2027-12-31',
        to: '2028-01-31',
        sourceType: 'application',
        sourceId: '01939d4f-0000-7000-8000-00000000a002',
      }),
    ).rejects.toMatchObject({ code: 'UNIT_NOT_AVAILABLE' });
    const status = async (asOf: string) =>
      (await h.call(biz, 'GET', `/api/v1/units/${id}?asOf=${asOf}`)).json().status;
    expect(await status('2026-12-31')).toBe('vacant');
    expect(await status('2027-06-01')).toBe('leased');
    expect(await status('2028-01-01')).toBe('reserved');
    // the application is rejected: its reservation is released and the dates are free again
    await h.db.inOrg(h.orgs.demo, (tx) =>
      releaseUnits(systemCtx(tx, h.orgs.demo), 'application', '01939d4f-0000-7000-8000-00000000a001'),
    );
    expect(await status('2028-01-01')).toBe('vacant');
    const list = (
      await h.call(biz, 'GET', `/api/v1/units?buildingId=${buildingId}&status=leased&asOf=2027-03-01`)
    ).json();
    expect(list.items.map((u: { code: string }) => u.code)).toEqual(['1201']);
  });

  it('lets two simultaneous reservations of one unit succeed only once', async () => {
    const id = unitIds['1202']!;
    const attempt = (n: number) =>
      occupy({
        unitIds: [id],
        kind: 'reserved',
        from: '2027-03-01',
        to: '2027-05-31',
        sourceType: 'application',
        sourceId: `01939d4f-0000-7000-8000-00000000b00${n}`,
      });
    const results = await Promise.allSettled([attempt(1), attempt(2), attempt(3)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('marks a unit unavailable with a reason and releases it', async () => {
    const id = unitIds.B101!;
    const r = await h.call(biz, 'POST', `/api/v1/units/${id}/unavailability`, {
      from: '2027-02-01',
      to: '2027-02-28',
      reason: '消防改造',
    });
    expect(r.statusCode).toBe(201);
    expect((await h.call(biz, 'GET', `/api/v1/units/${id}?asOf=2027-02-10`)).json().status).toBe(
      'unavailable',
    );
    const noReason = await h.call(biz, 'POST', `/api/v1/units/${id}/unavailability`, {
      from: '2027-03-01',
      to: '2027-03-02',
      reason: '',
    });
    expect(noReason.json().error.field).toBe('reason');
    const backwards = await h.call(biz, 'POST', `/api/v1/units/${id}/unavailability`, {
      from: '2027-03-05',
      to: '2027-03-01',
      reason: '维修',
    });
    expect(backwards.json().error).toMatchObject({ code: 'DATE_RANGE_INVALID', field: 'to' });
    expect((await h.call(biz, 'DELETE', `/api/v1/units/${id}/occupancy/${r.json().id}`)).statusCode).toBe(
      204,
    );
    const detail = (await h.call(biz, 'GET', `/api/v1/units/${id}?asOf=2027-02-10`)).json();
    expect(detail.status).toBe('vacant');
    expect(detail.occupancy[0]).toMatchObject({ kind: 'unavailable', reason: '消防改造', released: true });
    const leased = (await h.call(biz, 'GET', `/api/v1/units/${unitIds['1201']}`))
      .json()
      .occupancy.find((o: { kind: string }) => o.kind === 'leased');
    const notManual = await h.call(biz, 'DELETE', `/api/v1/units/${unitIds['1201']}/occupancy/${leased.id}`);
    expect(notManual.json().error.code).toBe('OCCUPANCY_NOT_MANUAL');
  });

  it('refuses to delete a unit that ever had a contract; retiring keeps it out of lists', async () => {
    const del = await h.call(biz, 'DELETE', `/api/v1/units/${unitIds['1201']}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('UNIT_EVER_LEASED');
    const retired = await h.call(biz, 'PATCH', `/api/v1/units/${unitIds['1201']}`, { retired: true });
    expect(retired.json()).toMatchObject({ retired: true, status: 'unavailable' });
    const list = (await h.call(biz, 'GET', `/api/v1/units?buildingId=${buildingId}`))
      .json()
      .items.map((u: { code: string }) => u.code);
    expect(list).not.toContain('1201');
    const spare = (await h.call(biz, 'POST', '/api/v1/units', unit('1299'))).json();
    expect((await h.call(biz, 'DELETE', `/api/v1/units/${spare.id}`)).statusCode).toBe(204);
    const audit = (
      await h.call(await h.login('admin'), 'GET', `/api/v1/audit?entityType=unit&entityId=${unitIds['1201']}`)
    ).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('unit.retire');
  });

  it('draws the floor plan and computes occupancy', async () => {
    const plan = (
      await h.call(biz, 'GET', `/api/v1/buildings/${buildingId}/floor-plan?asOf=2027-04-01`)
    ).json();
    expect(plan.floors).toHaveLength(22);
    expect(plan.floors[0].floor).toBe(20);
    expect(plan.floors.at(-1).floor).toBe(-2);
    const f12 = plan.floors.find((f: { floor: number }) => f.floor === 12);
    expect(f12.units.map((u: { code: string; status: string }) => `${u.code}:${u.status}`)).toEqual([
      '1202:reserved',
    ]);
    await h.call(biz, 'PATCH', `/api/v1/units/${unitIds['1201']}`, { retired: false });
    const occ = (await h.call(biz, 'GET', '/api/v1/spaces/occupancy?asOf=2027-04-01')).json();
    const site = occ.sites.find((s: { siteId: string }) => s.siteId === siteId);
    expect(site).toMatchObject({ leasableArea: '1176.38', leasedArea: '256.38', units: 3, leasedUnits: 1 });
  });

  it('pages the unit list with a cursor and filters by area and type', async () => {
    for (let i = 1; i <= 5; i++)
      await h.call(
        biz,
        'POST',
        '/api/v1/units',
        unit(`15${i}`, { floor: 15, grossArea: `${100 + i}.00`, insideArea: '90.00', usableArea: '80.00' }),
      );
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: { code: string }[]; nextCursor: string | null } = (
        await h.call(
          biz,
          'GET',
          `/api/v1/units?buildingId=${buildingId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      codes.push(...p.items.map((u) => u.code));
      cursor = p.nextCursor;
    } while (cursor);
    expect(codes).toEqual(['B101', '1201', '1202', '151', '152', '153', '154', '155']);
    const big = (
      await h.call(biz, 'GET', `/api/v1/units?buildingId=${buildingId}&minArea=103&maxArea=104.5&type=office`)
    )
      .json()
      .items.map((u: { code: string }) => u.code);
    expect(big).toEqual(['153', '154']);
  });

  it("never shows another organization's spaces", async () => {
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', '/api/v1/units')).json().items).toEqual([]);
    expect((await h.call(other, 'GET', `/api/v1/units/${unitIds['1202']}`)).statusCode).toBe(404);
    expect(
      (await h.call(other, 'PATCH', `/api/v1/units/${unitIds['1202']}`, { notes: 'x' })).statusCode,
    ).toBe(404);
    expect((await h.call(other, 'POST', '/api/v1/units', unit('Z1'))).json().error.field).toBe('buildingId');
  });

  it('lets staff of every department read, only business and admin write', async () => {
    const legal = await h.login('legal');
    expect((await h.call(legal, 'GET', '/api/v1/units')).statusCode).toBe(200);
    expect(
      (await h.call(legal, 'POST', '/api/v1/sites', { name: 'x', city: 'y', address: 'z' })).statusCode,
    ).toBe(403);
  });
});

describe('the customer of a unit', () => {
  it('names the customer a unit is leased to, on the unit and on the floor plan', async () => {
    const customer = (
      await h.call(biz, 'GET', `/api/v1/customers?q=${encodeURIComponent('星澜信息科技')}`)
    ).json().items[0];
    const u = (await h.call(biz, 'POST', '/api/v1/units', unit('1801', { floor: 18 }))).json();
    await occupy({
      unitIds: [u.id],
      kind: 'leased',
      from: '2027-01-01',
      to: '2029-12-31',
      sourceType: 'contract',
      sourceId: null,
      customerId: customer.id,
    });
    const view = (await h.call(biz, 'GET', `/api/v1/units/${u.id}?asOf=2027-06-01`)).json();
    expect(view).toMatchObject({ status: 'leased', customerId: customer.id, customerName: customer.name });
    const plan = (
      await h.call(biz, 'GET', `/api/v1/buildings/${buildingId}/floor-plan?asOf=2027-06-01`)
    ).json();
    const tile = plan.floors.find((f: { floor: number }) => f.floor === 18).units[0];
    expect(tile).toMatchObject({ code: '1801', customerName: customer.name });
    const before = (await h.call(biz, 'GET', `/api/v1/units/${u.id}?asOf=2026-06-01`)).json();
    expect(before).toMatchObject({ status: 'vacant', customerName: null });
  });
});
