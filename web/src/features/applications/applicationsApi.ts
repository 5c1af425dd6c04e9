import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { APPLICATION_STATUSES, ReviewStage } from '../../../../common/applications/machine.ts';
import type {
  applicationBody,
  applicationStats,
  applicationSummary,
  applicationView,
  INTENDED_USES,
  inboxCounts,
  REJECT_REASONS,
  RENT_BASES,
  reviewBody,
  updateApplicationBody,
} from '../../../../common/schemas/applications.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';
import { APPLICATION_CREATORS } from '../../app/nav.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';

export type ApplicationSummary = z.infer<typeof applicationSummary>;
export type ApplicationView = z.infer<typeof applicationView>;
export type ApplicationBody = z.input<typeof applicationBody>;
export type ApplicationChanges = z.input<typeof updateApplicationBody>;
export type ReviewBody = z.input<typeof reviewBody>;
export type ReviewView = ApplicationView['reviews'][number];
export type ApplicationChecks = ApplicationView['checks'];
export type ApplicationStats = z.infer<typeof applicationStats>;
export type InboxCounts = z.infer<typeof inboxCounts>;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type IntendedUse = (typeof INTENDED_USES)[number];
export type RejectReason = (typeof REJECT_REASONS)[number];
export type RentBasis = (typeof RENT_BASES)[number];
export type { ReviewStage };

export interface ApplicationFilters {
  status?: ApplicationStatus;
  stage?: ReviewStage;
  mine?: 'true';
  overdue?: 'true';
  customerId?: string;
  q?: string;
}

/** Every query of this feature starts with it, so one invalidation refreshes lists, pages and the badge. */
export const APPLICATIONS = 'applications';
const id = encodeURIComponent;
const base = (applicationId: string) => `/v1/applications/${id(applicationId)}`;

export const listApplications = (filters: ApplicationFilters, cursor: string | undefined) =>
  api.get<Page<ApplicationSummary>>('/v1/applications', { ...filters, cursor, limit: 50 });
export const getApplication = (applicationId: string) => api.get<ApplicationView>(base(applicationId));
export const createApplication = (body: ApplicationBody) =>
  api.post<ApplicationView>('/v1/applications', body);
export const updateApplication = (applicationId: string, body: ApplicationChanges) =>
  api.patch<ApplicationView>(base(applicationId), body);
export const submitApplication = (applicationId: string) =>
  api.post<ApplicationView>(`${base(applicationId)}/submit`);
export const reviewApplication = (applicationId: string, body: ReviewBody) =>
  api.post<ApplicationView>(`${base(applicationId)}/reviews`, body);
export const withdrawApplication = (applicationId: string, reason: string) =>
  api.post<ApplicationView>(`${base(applicationId)}/withdraw`, { reason });

/** The notice's print view, opened in a new tab; the PDF link comes with the view (`notice.href`). */
export const noticePrintUrl = (applicationId: string) =>
  buildUrl(`/v1/documents/admission-notice/${id(applicationId)}`, { format: 'html' });
/** The server gives the PDF's path under /api; anything else is taken as relative to the API root. */
export const noticePdfUrl = (view: ApplicationView) => {
  const href = view.notice?.href ?? `/api${base(view.id)}/notice.pdf`;
  return href.startsWith('/api/') || /^https?:/.test(href) ? href : buildUrl(href);
};

export function useApplication(applicationId: string) {
  return useQuery({
    queryKey: [APPLICATIONS, 'one', applicationId],
    queryFn: () => getApplication(applicationId),
  });
}

const INBOX_POLL_MS = 60_000;

/** What waits for the signed-in user's decision, for the menu badge; polled, and refreshed after a review. */
export function useInboxCounts() {
  return useQuery({
    queryKey: [APPLICATIONS, 'inbox'],
    queryFn: () => api.get<InboxCounts>('/v1/applications/inbox'),
    refetchInterval: INBOX_POLL_MS,
    staleTime: 0,
  });
}

export function useApplicationStats(from: string, to: string) {
  return useQuery({
    queryKey: [APPLICATIONS, 'stats', from, to],
    queryFn: () => api.get<ApplicationStats>('/v1/applications/stats', { from, to }),
  });
}

/** Business staff (and administrators) write applications; the server checks again. */
export function useCanCreateApplications(): boolean {
  return hasAnyRole(useUser(), APPLICATION_CREATORS);
}
