import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationResent, InvitationSent, InvitePerson, PeoplePage, Person, PersonRole } from '../../../modules/people/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type PersonData = Wire<Person>;

const PEOPLE_KEY = ['people'] as const;

/** GET /api/people: who has access to the cooperative. */
export function usePeople(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, query],
    queryFn: () => api.get<Wire<PeoplePage>>('/api/people', { query }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
    // Pending invitations and member counts show on the dashboard.
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

/** POST /api/people/invitations. */
export function useInvitePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: InvitePerson) => api.post<Wire<InvitationSent>>('/api/people/invitations', body),
    onSuccess: invalidate,
  });
}

/** POST /api/people/invitations/:userId/resend. */
export function useResendInvitation() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (userId: string) => api.post<Wire<InvitationResent>>(`/api/people/invitations/${userId}/resend`),
    onSuccess: invalidate,
  });
}

/** PUT /api/people/:userId/roles. */
export function useSetPersonRoles() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: PersonRole[] }) => api.put<PersonData>(`/api/people/${userId}/roles`, { roles }),
    onSuccess: invalidate,
  });
}
