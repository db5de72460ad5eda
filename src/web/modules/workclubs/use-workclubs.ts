import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Application, ApplyBody, CloseGroupBody, ConfirmGroupsBody, CurrentView, GroupView, GuestLinkState, InviteExternalBody, MoveParticipantBody, OpenSeasonBody, ProgressBody, Proposal, RescheduleSessionBody, ScheduleSessionBody, Season, SeasonDetail, UpdateGoalBody } from '../../../modules/workclubs/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const WORKCLUBS_QUERY_KEY = ['workclubs'] as const;
export type GroupData = Wire<GroupView>;
export type SeasonData = Wire<Season>;

export const useCurrentWorkclub = () => useQuery({ queryKey: [...WORKCLUBS_QUERY_KEY, 'current'], queryFn: ({ signal }) => api.get<Wire<CurrentView>>('/api/workclubs/current', { signal }) });
export const useSeasons = () => useQuery({ queryKey: [...WORKCLUBS_QUERY_KEY, 'seasons'], queryFn: ({ signal }) => api.get<{ items: SeasonData[] }>('/api/workclubs/seasons', { signal }) });
export const useSeasonDetail = (id: string | null) =>
  useQuery({ queryKey: [...WORKCLUBS_QUERY_KEY, 'season', id], queryFn: ({ signal }) => api.get<Wire<SeasonDetail>>(`/api/workclubs/seasons/${id}`, { signal }), enabled: !!id });
export const useProposal = (id: string | null, seed: number, enabled: boolean) =>
  useQuery({ queryKey: [...WORKCLUBS_QUERY_KEY, 'proposal', id, seed], queryFn: ({ signal }) => api.get<Proposal>(`/api/workclubs/seasons/${id}/proposal`, { query: { seed }, signal }), enabled: !!id && enabled });
export const useGroup = (id: string | null) => useQuery({ queryKey: [...WORKCLUBS_QUERY_KEY, 'group', id], queryFn: ({ signal }) => api.get<GroupData>(`/api/workclubs/groups/${id}`, { signal }), enabled: !!id });
export const useGuestGroup = (token: string) =>
  useQuery({ queryKey: [...WORKCLUBS_QUERY_KEY, 'guest', token], queryFn: ({ signal }) => api.get<{ group: GroupData | null }>(`/api/portal/workclubs/${token}`, { signal }), retry: false });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: WORKCLUBS_QUERY_KEY }) });
}

export const useOpenSeason = () => useRefreshing((body: OpenSeasonBody) => api.post<SeasonData>('/api/workclubs/seasons', body));
export const useApply = () => useRefreshing(({ seasonId, ...body }: ApplyBody & { seasonId: string }) => api.post<Wire<Application>>(`/api/workclubs/seasons/${seasonId}/applications`, body));
export const useWithdraw = () => useRefreshing((seasonId: string) => api.post<Wire<Application>>(`/api/workclubs/seasons/${seasonId}/applications/withdraw`));
export const useConfirmGroups = () => useRefreshing(({ seasonId, ...body }: ConfirmGroupsBody & { seasonId: string }) => api.post<Wire<SeasonDetail>>(`/api/workclubs/seasons/${seasonId}/groups`, body));
export const useInviteGuest = () => useRefreshing(({ seasonId, ...body }: InviteExternalBody & { seasonId: string }) => api.post(`/api/workclubs/seasons/${seasonId}/guests`, body));
export const useRevokeGuestLink = () => useRefreshing((guestId: string) => api.post<GuestLinkState>(`/api/workclubs/guests/${guestId}/revoke`));
export const useReinviteGuest = () => useRefreshing((guestId: string) => api.post<GuestLinkState>(`/api/workclubs/guests/${guestId}/reinvite`));
export const useScheduleSession = () => useRefreshing(({ groupId, ...body }: ScheduleSessionBody & { groupId: string }) => api.post(`/api/workclubs/groups/${groupId}/sessions`, body));
export const useRescheduleSession = () => useRefreshing(({ sessionId, ...body }: RescheduleSessionBody & { sessionId: string }) => api.patch(`/api/workclubs/sessions/${sessionId}`, body));
export const useMoveParticipant = () => useRefreshing(({ groupId, ...body }: MoveParticipantBody & { groupId: string }) => api.post<GroupData>(`/api/workclubs/groups/${groupId}/move`, body));
export const useCloseGroup = () => useRefreshing(({ groupId, ...body }: CloseGroupBody & { groupId: string }) => api.post<GroupData>(`/api/workclubs/groups/${groupId}/close`, body));

/** What a participant does in their group: the member through their session, the guest through their link. */
export interface GroupActions {
  addGoal: (text: string) => Promise<unknown>;
  updateGoal: (goalId: string, body: UpdateGoalBody) => Promise<unknown>;
  report: (body: ProgressBody) => Promise<unknown>;
}

export function useMemberGroupActions(groupId: string): GroupActions {
  const add = useRefreshing((text: string) => api.post(`/api/workclubs/groups/${groupId}/goals`, { text }));
  const update = useRefreshing(({ goalId, body }: { goalId: string; body: UpdateGoalBody }) => api.patch(`/api/workclubs/goals/${goalId}`, body));
  const report = useRefreshing((body: ProgressBody) => api.put(`/api/workclubs/groups/${groupId}/progress`, body));
  return { addGoal: add.mutateAsync, updateGoal: (goalId, body) => update.mutateAsync({ goalId, body }), report: report.mutateAsync };
}

export function useGuestGroupActions(token: string): GroupActions {
  const add = useRefreshing((text: string) => api.post(`/api/portal/workclubs/${token}/goals`, { text }));
  const update = useRefreshing(({ goalId, body }: { goalId: string; body: UpdateGoalBody }) => api.patch(`/api/portal/workclubs/${token}/goals/${goalId}`, body));
  const report = useRefreshing((body: ProgressBody) => api.put(`/api/portal/workclubs/${token}/progress`, body));
  return { addGoal: add.mutateAsync, updateGoal: (goalId, body) => update.mutateAsync({ goalId, body }), report: report.mutateAsync };
}

export const groupCalendarUrl = (groupId: string) => `/api/workclubs/groups/${groupId}/calendar.ics`;
