import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectorySettingsView, ProfilePage, ProfileView, SaveProfileBody } from '../../../modules/directory/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const DIRECTORY_QUERY_KEY = ['directory'] as const;

export type ProfileData = Wire<ProfileView>;
export type DirectoryFilters = { q?: string; skill?: string; city?: string; availability?: string; page: number; pageSize: number };

export function useDirectory(filters: DirectoryFilters) {
  return useQuery({
    queryKey: [...DIRECTORY_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Wire<ProfilePage>>('/api/directory', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useDirectoryProfile = (memberId: string) =>
  useQuery({ queryKey: [...DIRECTORY_QUERY_KEY, 'profile', memberId], queryFn: ({ signal }) => api.get<ProfileData>(`/api/directory/${memberId}`, { signal }) });

export const useMyDirectoryProfile = () => useQuery({ queryKey: [...DIRECTORY_QUERY_KEY, 'me'], queryFn: ({ signal }) => api.get<ProfileData>('/api/directory/me', { signal }) });

export const useSkillVocabulary = () =>
  useQuery({ queryKey: [...DIRECTORY_QUERY_KEY, 'skills'], queryFn: ({ signal }) => api.get<{ items: { id: string; label: string }[] }>('/api/directory/skills', { signal }), staleTime: 60_000 });

export const useFreeSkills = (enabled: boolean) =>
  useQuery({ queryKey: [...DIRECTORY_QUERY_KEY, 'free-skills'], queryFn: ({ signal }) => api.get<{ items: { label: string; profiles: number }[] }>('/api/directory/skills/free', { signal }), enabled });

export const useDirectorySettings = () => useQuery({ queryKey: [...DIRECTORY_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<DirectorySettingsView>('/api/directory/settings', { signal }) });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: DIRECTORY_QUERY_KEY }) });
}

export const useSaveMyProfile = () => useRefreshing((body: SaveProfileBody) => api.put<ProfileData>('/api/directory/me', body));
export const useAddSkill = () => useRefreshing((label: string) => api.post<{ id: string; label: string }>('/api/directory/skills', { label }));
export const useRemoveSkill = () => useRefreshing((id: string) => api.delete(`/api/directory/skills/${id}`));
export const useSaveDirectorySettings = () => useRefreshing((body: DirectorySettingsView) => api.put<DirectorySettingsView>('/api/directory/settings', body));
