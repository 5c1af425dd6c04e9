import { z } from 'zod';
import {
  depositLedgerView,
  refundBody,
  settlementDraftBody,
  settlementView,
} from '../../../common/schemas/settlements.ts';
import type { App } from '../../platform/http/app-types.ts';
import { depositLedger } from './depositLedger.ts';
import { MONEY, READ, TAGS, today } from './routeParts.ts';
import { confirmSettlement } from './settlementConfirm.ts';
import { draftSettlement } from './settlementDraft.ts';
import { getSettlement, settlementOfContract } from './settlementRead.ts';
import { refundDeposit } from './settlementRefund.ts';

const id = z.object({ id: z.uuid() });

/** The deposit ledger, the final settlement and the refund (R3.3.3). */
export function settlementRoutes(app: App) {
  app.get(
    '/api/v1/contracts/:id/deposit',
    {
      config: { policy: READ },
      schema: {
        tags: TAGS,
        summary: 'The deposit ledger of a contract',
        params: id,
        response: { 200: depositLedgerView },
      },
    },
    (req) => req.inOrg((ctx) => depositLedger(ctx, req.params.id)),
  );
  app.get(
    '/api/v1/contracts/:id/settlement',
    {
      config: { policy: READ },
      schema: {
        tags: TAGS,
        summary: 'The contract’s settlement (null when none was drawn up)',
        params: id,
        response: { 200: settlementView.nullable() },
      },
    },
    (req) => req.inOrg((ctx) => settlementOfContract(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/contracts/:id/settlement',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Compute the settlement draft of an ended contract (replaces the last draft)',
        params: id,
        body: settlementDraftBody,
        response: { 200: settlementView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const s = await draftSettlement(ctx, req.params.id, req.body, today(req));
        return getSettlement(ctx, s.id);
      }),
  );
  app.get(
    '/api/v1/settlements/:id',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: settlementView } } },
    (req) => req.inOrg((ctx) => getSettlement(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/settlements/:id/confirm',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Confirm: issue the settlement bill, apply credit, deduct from the deposit',
        params: id,
        response: { 200: settlementView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await confirmSettlement(ctx, req.params.id, today(req));
        return getSettlement(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/v1/settlements/:id/refund',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Record the refund of the deposit still held',
        params: id,
        body: refundBody,
        response: { 200: settlementView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await refundDeposit(ctx, req.params.id, req.body, today(req));
        return getSettlement(ctx, req.params.id);
      }),
  );
}
