import { describe, expect, it } from 'vitest';
import { causeOf, contractEventKind, entityPath, isReadable, looksLikeId } from './timelineFormat.ts';

const ID = '01a21c95-7604-74f7-a5ec-bd52334704c7';

describe('timeline values', () => {
  it('keeps ids and nested records out of the words', () => {
    expect(looksLikeId(ID)).toBe(true);
    expect(looksLikeId('HT-2026-000007')).toBe(false);
    expect(isReadable('档案室 A-07 柜')).toBe(true);
    expect(isReadable(null)).toBe(true);
    expect(isReadable(['第六条', '第二条'])).toBe(true);
    expect(isReadable(ID)).toBe(false);
    expect(isReadable([ID])).toBe(false);
    expect(isReadable({ explainedOn: '2026-05-09' })).toBe(false);
    expect(isReadable([{ meter: 'E-1', reading: '10' }])).toBe(false);
  });

  it('links contract and application entries to their pages, nothing else', () => {
    expect(entityPath({ entityType: 'contract', entityId: ID })).toBe(`/contracts/${ID}`);
    expect(entityPath({ entityType: 'application', entityId: ID })).toBe(`/applications/${ID}`);
    expect(entityPath({ entityType: 'contact', entityId: ID })).toBeNull();
    expect(entityPath({ entityType: 'contract', entityId: null })).toBeNull();
    expect(entityPath({ entityType: 'contract', entityId: 'HT-1' })).toBeNull();
  });

  it('finds what moved a customer along', () => {
    const change = (after: unknown) => ({ changes: [{ field: 'cause', before: null, after }] });
    expect(causeOf(change(`contract:${ID}`))).toEqual({ entityType: 'contract', path: `/contracts/${ID}` });
    expect(causeOf(change(`application:${ID}`))?.path).toBe(`/applications/${ID}`);
    expect(causeOf(change('import:batch-1'))).toBeNull();
    expect(causeOf({ changes: [] })).toBeNull();
  });

  it('names the contract event of an audit action', () => {
    expect(contractEventKind('contract.handed_over')).toBe('handed_over');
    expect(contractEventKind('contract.file')).toBe('file');
  });
});
