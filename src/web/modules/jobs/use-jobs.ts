import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '../../../modules/activities/contract';
import type { InvoiceListPage } from '../../../modules/invoicing/contract';
import type { CreateJobBody, Job, JobSummary, ListJobsQuery, UpdateJobBody } from '../../../modules/jobs/contract';
import type { MemberOption } from '../../../modules/members/contract';
import type { QuoteSummary } from '../../../modules/quotes/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type JobData = Wire<Job>;
export type JobSummaryData = Wire<JobSummary>;
export type JobFilters = Partial<ListJobsQuery>;

export const JOBS_QUERY_KEY = ['jobs'] as const;

/** GET /api/jobs: a page of the jobs the person may see. */
export function useJobs(filters: JobFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...JOBS_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Page<JobSummaryData>>('/api/jobs', { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useJob(id: string) {
  return useQuery({
    queryKey: [...JOBS_QUERY_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<JobData>(`/api/jobs/${id}`, { signal }),
  });
}

function useJobMutation<Body>(request: (body: Body) => Promise<JobData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (job) => {
      queryClient.setQueryData([...JOBS_QUERY_KEY, 'detail', job.id], job);
      void queryClient.invalidateQueries({ queryKey: [...JOBS_QUERY_KEY, 'list'] });
    },
  });
}

export const useCreateJob = () => useJobMutation((body: CreateJobBody) => api.post<JobData>('/api/jobs', body));
export const useUpdateJob = (id: string) => useJobMutation((body: UpdateJobBody) => api.patch<JobData>(`/api/jobs/${id}`, body));
export const useCloseJob = (id: string) => useJobMutation((_: void) => api.post<JobData>(`/api/jobs/${id}/close`));

/** The job's invoices the person may see (the invoice list's own scope applies). */
export function useJobInvoices(jobId: string) {
  return useQuery({
    queryKey: ['invoices', 'list', { jobId, pageSize: 100 }],
    queryFn: ({ signal }) => api.get<Wire<InvoiceListPage>>('/api/invoices', { query: { jobId, pageSize: 100 }, signal }),
  });
}

/** The job's quotes the person may see. */
export function useJobQuotes(jobId: string) {
  return useQuery({
    queryKey: ['quotes', 'list', { jobId, pageSize: 100 }],
    queryFn: ({ signal }) => api.get<Page<Wire<QuoteSummary>>>('/api/quotes', { query: { jobId, pageSize: 100 }, signal }),
  });
}

/** The activities for the participants picker: a member's own, the whole coop's for the team (100 at most). */
export function useJobActivityOptions(filters: { memberId?: string; enabled?: boolean } = {}) {
  const query = { pageSize: 100, status: 'active', ...(filters.memberId ? { memberId: filters.memberId } : {}) };
  return useQuery({
    queryKey: ['activities', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Wire<Activity>>>('/api/activities', { query, signal }),
    enabled: filters.enabled ?? true,
  });
}

/** Every member of the coop, for the bringer picker (the team only). */
export function useBringerOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'options'],
    queryFn: ({ signal }) => api.get<Wire<MemberOption>[]>('/api/members/options', { signal }),
    staleTime: 60_000,
    enabled,
  });
}
