import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CochallengeDetail,
  CochallengeView,
  CompanyBody,
  CounterView,
  CreateCochallengeBody,
  FollowPromiseBody,
  MyDayView,
  ParticipantBody,
  PlanView,
  PromiseView,
  RecordPromiseBody,
  ResultsView,
} from '../../../modules/cochallenge/contract';
import type { QuoteSummary } from '../../../modules/quotes/contract';
import { api, isApiError } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const COCHALLENGE_QUERY_KEY = ['cochallenge'] as const;
export type CochallengeData = Wire<CochallengeView>;
export type CochallengeDetailData = Wire<CochallengeDetail>;
export type PlanData = Wire<PlanView>;
export type MyDayData = Wire<MyDayView>;
export type PromiseData = Wire<PromiseView>;

export const useCochallenges = () => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, 'list'], queryFn: ({ signal }) => api.get<{ items: CochallengeData[] }>('/api/cochallenge', { signal }) });
export const useCochallenge = (id: string) => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, id], queryFn: ({ signal }) => api.get<CochallengeDetailData>(`/api/cochallenge/${id}`, { signal }) });
export const usePlan = (id: string) => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, id, 'plan'], queryFn: ({ signal }) => api.get<PlanData>(`/api/cochallenge/${id}/plan`, { signal }) });
export const usePromises = (id: string) => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, id, 'promises'], queryFn: ({ signal }) => api.get<{ items: PromiseData[] }>(`/api/cochallenge/${id}/promises`, { signal }) });
export const useResults = (id: string) => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, id, 'results'], queryFn: ({ signal }) => api.get<ResultsView>(`/api/cochallenge/${id}/results`, { signal }) });
export const useMyDay = (id: string) => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, id, 'my-day'], queryFn: ({ signal }) => api.get<MyDayData>(`/api/cochallenge/${id}/my-day`, { signal }), refetchInterval: 15_000 });
/** The live counter refreshes every few seconds: the big screen and the phones watch it move. */
export const useCounter = (id: string) => useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, id, 'counter'], queryFn: ({ signal }) => api.get<CounterView>(`/api/cochallenge/${id}/counter`, { signal }), refetchInterval: 4_000 });
export const useQuotesToLink = (enabled: boolean) =>
  useQuery({ queryKey: [...COCHALLENGE_QUERY_KEY, 'quotes'], queryFn: ({ signal }) => api.get<{ items: Wire<QuoteSummary>[] }>('/api/quotes', { query: { pageSize: 100 }, signal }), enabled });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: COCHALLENGE_QUERY_KEY }) });
}

export const useCreateCochallenge = () => useRefreshing((body: CreateCochallengeBody) => api.post<CochallengeDetailData>('/api/cochallenge', body));
export const useAddCompany = (id: string) => useRefreshing((body: CompanyBody) => api.post<CochallengeDetailData>(`/api/cochallenge/${id}/companies`, body));
export const useRemoveCompany = (id: string) => useRefreshing((companyId: string) => api.delete<CochallengeDetailData>(`/api/cochallenge/${id}/companies/${companyId}`));
export const useSetParticipant = (id: string) => useRefreshing(({ memberId, ...body }: ParticipantBody & { memberId: string }) => api.put<CochallengeDetailData>(`/api/cochallenge/${id}/participants/${memberId}`, body));
export const useRemoveParticipant = (id: string) => useRefreshing((memberId: string) => api.delete<CochallengeDetailData>(`/api/cochallenge/${id}/participants/${memberId}`));
export const useProposePairs = (id: string) => useRefreshing(() => api.post<CochallengeDetailData>(`/api/cochallenge/${id}/pairs/propose`, {}));
export const useComputePlan = (id: string) => useRefreshing(() => api.post<PlanData>(`/api/cochallenge/${id}/plan`, {}));
export const useMoveCochallenge = (id: string) => useRefreshing((status: 'live' | 'closed') => api.post<CochallengeDetailData>(`/api/cochallenge/${id}/status`, { status }));
export const useFollowPromise = (id: string) => useRefreshing(({ promiseId, ...body }: FollowPromiseBody & { promiseId: string }) => api.patch<PromiseData>(`/api/cochallenge/${id}/promises/${promiseId}`, body));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records a promise from a phone on a flaky connection: the key is made once per tap, before
 * the first try, and sent again on every retry, so a request that reached the server but whose
 * answer was lost counts once. Network failures and 5xx are retried with a growing pause; a 4xx
 * is an answer and is not.
 */
export async function recordPromiseWithRetries(id: string, body: Omit<RecordPromiseBody, 'idempotencyKey'>, tries = 6): Promise<PromiseData> {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.post<PromiseData>(`/api/cochallenge/${id}/promises`, { ...body, idempotencyKey });
    } catch (err) {
      const retriable = isApiError(err) && (err.status === 0 || err.status >= 500);
      if (!retriable || attempt >= tries) throw err;
      await pause(Math.min(8_000, 500 * 2 ** attempt));
    }
  }
}

export function useRecordPromise(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<RecordPromiseBody, 'idempotencyKey'>) => recordPromiseWithRetries(id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...COCHALLENGE_QUERY_KEY, id] }),
  });
}
