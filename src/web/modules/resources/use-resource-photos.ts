import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResourcePhoto } from '../../../modules/resources/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';
import { RESOURCES_QUERY_KEY } from './use-resources';

export type ResourcePhotoData = Wire<ResourcePhoto>;
export const resourcePhotoUrl = (resourceId: string, photoId: string) => `/api/resources/${resourceId}/photos/${photoId}`;

export const useResourcePhotos = (resourceId: string, enabled = true) =>
  useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'photos', resourceId], queryFn: ({ signal }) => api.get<{ items: ResourcePhotoData[] }>(`/api/resources/${resourceId}/photos`, { signal }), enabled });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  // The catalogue's photo counts and the photo lists both change.
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: RESOURCES_QUERY_KEY }) });
}
export const useAddResourcePhoto = () =>
  useRefreshing(({ resourceId, file }: { resourceId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<ResourcePhotoData>(`/api/resources/${resourceId}/photos`, form);
  });
export const useRemoveResourcePhoto = () => useRefreshing(({ resourceId, photoId }: { resourceId: string; photoId: string }) => api.delete(`/api/resources/${resourceId}/photos/${photoId}`));
