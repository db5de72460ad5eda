import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectorySettingsView, ProfilePage, ProfileView, SaveProfileBody, Visibility } from '../../../modules/directory/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const DIRECTORY_QUERY_KEY = ['directory'] as const;

export type ProfileData = Wire<ProfileView>;
export type DirectoryFilters = { q?: string; skill?: string; pole?: string; city?: string; availability?: string; page: number; pageSize: number };

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

/** The poles the filter offers: inside the coop, or those of a public directory. */
export const usePoles = (slug?: string) =>
  useQuery({
    queryKey: [...DIRECTORY_QUERY_KEY, 'poles', slug ?? null],
    queryFn: ({ signal }) => api.get<{ items: string[] }>(slug ? `/api/directory/public/${encodeURIComponent(slug)}/poles` : '/api/directory/poles', { signal }),
    staleTime: 60_000,
  });

const fileForm = (file: File, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return form;
};

export const useUploadPhoto = (memberId: string) => useRefreshing((file: File) => api.post<ProfileData>(`/api/directory/${memberId}/photo`, fileForm(file)));
export const useRemovePhoto = (memberId: string) => useRefreshing(() => api.delete<ProfileData>(`/api/directory/${memberId}/photo`));
export const useAddPortfolioFile = (memberId: string) =>
  useRefreshing(({ file, visibility }: { file: File; visibility: Visibility }) => api.post<ProfileData>(`/api/directory/${memberId}/files`, fileForm(file, { visibility })));
export const useSetFileVisibility = (memberId: string) =>
  useRefreshing(({ fileId, visibility }: { fileId: string; visibility: Visibility }) => api.patch<ProfileData>(`/api/directory/${memberId}/files/${fileId}`, { visibility }));
export const useRemovePortfolioFile = (memberId: string) => useRefreshing((fileId: string) => api.delete<ProfileData>(`/api/directory/${memberId}/files/${fileId}`));
