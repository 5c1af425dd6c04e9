import { describe, expect, it } from 'vitest';
import { NAV, navKeyFor, rolesFor } from './nav.ts';

describe('navKeyFor', () => {
  it('selects the entry of the page and of pages below it', () => {
    expect(navKeyFor('/')).toBe('/');
    expect(navKeyFor('/users')).toBe('/users');
    expect(navKeyFor('/users/42')).toBe('/users');
    expect(navKeyFor('/settings/organization')).toBe('/settings/organization');
  });

  it('does not confuse entries sharing a prefix, and falls back to home', () => {
    expect(navKeyFor('/usersettings')).toBe('/');
    expect(navKeyFor('/nowhere')).toBe('/');
  });
});

describe('rolesFor', () => {
  it('keeps administration to administrators and lets everyone see notifications', () => {
    expect(rolesFor('/settings/organization')).toEqual(['admin']);
    expect(rolesFor('/outbox')).toEqual(['admin']);
    expect(rolesFor('/notifications')).toBeUndefined();
    expect(NAV.map((entry) => entry.path)).toContain('/notifications');
  });
});
