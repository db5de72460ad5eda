import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AskQuestionBody,
  CreateBookBody,
  CreateChapterBody,
  CreatePageBody,
  CreateSpaceBody,
  PageView,
  PlacePageBody,
  PublicPage,
  publicSpaceDetail,
  publicSpaceList,
  QuestionDetail,
  QuestionView,
  RevisionDetail,
  RevisionSummary,
  SearchHit,
  shareTargets,
  SpaceDetail,
  SpaceView,
  UpdateChapterBody,
  UpdatePageBody,
  UpdateSpaceBody,
} from '../../../modules/knowledge/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const KNOWLEDGE_KEY = ['knowledge'] as const;
export type SpaceData = Wire<SpaceView>;
export type SpaceDetailData = Wire<SpaceDetail>;
export type PageData = Wire<PageView>;
export type RevisionData = Wire<RevisionSummary>;
export type QuestionData = Wire<QuestionView>;
export type QuestionDetailData = Wire<QuestionDetail>;
export type SearchHitData = Wire<SearchHit>;

const base = '/api/knowledge';

export const useSpaces = () => useQuery({ queryKey: [...KNOWLEDGE_KEY, 'spaces'], queryFn: ({ signal }) => api.get<{ items: SpaceData[] }>(`${base}/spaces`, { signal }) });
export const useSpace = (id: string | undefined) =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'space', id], queryFn: ({ signal }) => api.get<SpaceDetailData>(`${base}/spaces/${id}`, { signal }), enabled: Boolean(id) });
export const usePage = (id: string | undefined) => useQuery({ queryKey: [...KNOWLEDGE_KEY, 'page', id], queryFn: ({ signal }) => api.get<PageData>(`${base}/pages/${id}`, { signal }), enabled: Boolean(id) });
export const useRevisions = (pageId: string | undefined) =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'revisions', pageId], queryFn: ({ signal }) => api.get<{ items: RevisionData[] }>(`${base}/pages/${pageId}/revisions`, { signal }), enabled: Boolean(pageId) });
export const useRevision = (pageId: string | undefined, n: number | null) =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'revision', pageId, n], queryFn: ({ signal }) => api.get<Wire<RevisionDetail>>(`${base}/pages/${pageId}/revisions/${n}`, { signal }), enabled: Boolean(pageId) && n !== null });
export const useSearch = (q: string) =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'search', q], queryFn: ({ signal }) => api.get<{ items: SearchHitData[] }>(`${base}/search`, { query: { q }, signal }), enabled: q.trim().length >= 2 });
export const useQuestions = (status?: 'open' | 'answered') =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'questions', status], queryFn: ({ signal }) => api.get<{ items: QuestionData[] }>(`${base}/questions`, { query: status ? { status } : {}, signal }) });
export const useQuestion = (id: string | undefined) =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'question', id], queryFn: ({ signal }) => api.get<QuestionDetailData>(`${base}/questions/${id}`, { signal }), enabled: Boolean(id) });
export const useShareTargets = (enabled: boolean) =>
  useQuery({ queryKey: [...KNOWLEDGE_KEY, 'share-targets'], queryFn: ({ signal }) => api.get<z.infer<typeof shareTargets>>(`${base}/share-targets`, { signal }), enabled });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: KNOWLEDGE_KEY }) });
}

export const useCreateSpace = () => useRefreshing((body: Partial<CreateSpaceBody> & Pick<CreateSpaceBody, 'name' | 'visibility'>) => api.post<SpaceDetailData>(`${base}/spaces`, body));
export const useUpdateSpace = () => useRefreshing(({ id, ...body }: UpdateSpaceBody & { id: string }) => api.patch<SpaceDetailData>(`${base}/spaces/${id}`, body));
export const useShareSpace = () => useRefreshing(({ id, coopId }: { id: string; coopId: string }) => api.post<SpaceDetailData>(`${base}/spaces/${id}/shares`, { coopId }));
export const useUnshareSpace = () => useRefreshing(({ id, coopId }: { id: string; coopId: string }) => api.delete<SpaceDetailData>(`${base}/spaces/${id}/shares/${coopId}`));
export const useCreateBook = () => useRefreshing(({ spaceId, ...body }: Partial<CreateBookBody> & { name: string; spaceId: string }) => api.post<SpaceDetailData>(`${base}/spaces/${spaceId}/books`, body));
export const useCreatePage = () => useRefreshing(({ bookId, ...body }: CreatePageBody & { bookId: string }) => api.post<PageData>(`${base}/books/${bookId}/pages`, body));
export const useEditPage = () => useRefreshing(({ id, ...body }: UpdatePageBody & { id: string }) => api.put<PageData>(`${base}/pages/${id}`, body));
export const useRestoreRevision = () => useRefreshing(({ id, number, expectedRevision }: { id: string; number: number; expectedRevision: number }) => api.post<PageData>(`${base}/pages/${id}/revisions/${number}/restore`, { expectedRevision }));
export const useArchivePage = () => useRefreshing((id: string) => api.delete(`${base}/pages/${id}`));
export const useAskQuestion = () => useRefreshing((body: Partial<AskQuestionBody> & { spaceId: string; title: string }) => api.post<QuestionDetailData>(`${base}/questions`, body));
export const useAnswerQuestion = () => useRefreshing(({ id, body }: { id: string; body: string }) => api.post<QuestionDetailData>(`${base}/questions/${id}/answers`, { body }));
export const useAcceptAnswer = () => useRefreshing((answerId: string) => api.post<QuestionDetailData>(`${base}/answers/${answerId}/accept`));
export const useCreateChapter = () => useRefreshing(({ bookId, ...body }: CreateChapterBody & { bookId: string }) => api.post<SpaceDetailData>(`${base}/books/${bookId}/chapters`, body));
export const useUpdateChapter = () => useRefreshing(({ id, ...body }: UpdateChapterBody & { id: string }) => api.patch<SpaceDetailData>(`${base}/chapters/${id}`, body));
export const useDeleteChapter = () => useRefreshing((id: string) => api.delete<SpaceDetailData>(`${base}/chapters/${id}`));
export const usePlacePage = () => useRefreshing(({ id, ...body }: PlacePageBody & { id: string }) => api.put<PageData>(`${base}/pages/${id}/chapter`, body));

// The public pages: no session, the coop named by the address; a space or page that is not
// public answers 404 (no retry: it will not appear by asking again).
const publicBase = '/api/public/knowledge';
export type PublicSpaceListData = Wire<z.infer<typeof publicSpaceList>>;
export type PublicSpaceData = Wire<z.infer<typeof publicSpaceDetail>>;
export type PublicPageData = Wire<PublicPage>;
export const usePublicSpaces = (coopId: string) =>
  useQuery({ queryKey: ['public-knowledge', coopId, 'spaces'], queryFn: ({ signal }) => api.get<PublicSpaceListData>(`${publicBase}/${coopId}/spaces`, { signal }), retry: false });
export const usePublicSpace = (coopId: string, spaceId: string | undefined) =>
  useQuery({ queryKey: ['public-knowledge', coopId, 'space', spaceId], queryFn: ({ signal }) => api.get<PublicSpaceData>(`${publicBase}/${coopId}/spaces/${spaceId}`, { signal }), enabled: Boolean(spaceId), retry: false });
export const usePublicPage = (coopId: string, pageId: string | undefined) =>
  useQuery({ queryKey: ['public-knowledge', coopId, 'page', pageId], queryFn: ({ signal }) => api.get<PublicPageData>(`${publicBase}/${coopId}/pages/${pageId}`, { signal }), enabled: Boolean(pageId), retry: false });
export const usePublicSearch = (coopId: string, q: string) =>
  useQuery({
    queryKey: ['public-knowledge', coopId, 'search', q],
    queryFn: ({ signal }) => api.get<{ items: SearchHitData[] }>(`${publicBase}/${coopId}/search`, { query: { q }, signal }),
    enabled: q.trim().length >= 2,
    retry: false,
  });
