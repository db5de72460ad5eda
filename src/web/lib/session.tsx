import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { setLanguage, storedLanguage, isLanguage } from '../i18n';
import { api, isApiError, setCsrfToken } from './api';

import type { SessionBody } from '../../platform/auth/contract';

// The session as GET /api/auth/session answers it: the type comes from the route's schema.
export type Session = SessionBody;
export type Role = Session['roles'][number];
export type SessionUser = NonNullable<Session['user']>;
export type SessionCoop = NonNullable<Session['coop']>;

export const SESSION_QUERY_KEY = ['auth', 'session'] as const;

/** True when `roles` holds at least one of `wanted`. */
export function hasRole(roles: readonly string[], ...wanted: Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}

async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export interface SessionContextValue {
  session: Session;
  user: SessionUser | null;
  coop: SessionCoop | null;
  roles: Role[];
  isAuthenticated: boolean;
  /** True when the user holds at least one of these roles in the current coop. */
  hasRole: (...roles: Role[]) => boolean;
  /**
   * Stores a session returned by the API (login, switch-coop, accepted invitation) as the
   * current one. Pass `resetData` when the user or the coop changed: every cached query
   * of the previous one is dropped, so no data crosses accounts or tenants.
   */
  applySession: (session: Session, options?: { resetData?: boolean }) => void;
  login: (input: { email: string; password: string }) => Promise<Session>;
  logout: () => Promise<void>;
  switchCoop: (coopId: string) => Promise<Session>;
  /** Reloads the session from the server. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Loads the session once for the whole app and renders `children` only when it is known;
 * `fallback` renders meanwhile, `errorFallback` if the server cannot be reached.
 */
export function SessionProvider({
  children,
  fallback,
  errorFallback,
}: {
  children: ReactNode;
  fallback: ReactNode;
  errorFallback: (retry: () => void) => ReactNode;
}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    retry: 1,
  });

  const applySession = useCallback<SessionContextValue['applySession']>(
    (session, options) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
      if (options?.resetData) {
        // Queries keyed under "auth" (the session, an invitation) belong to no coop and stay.
        const predicate = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== 'auth';
        // Signed out: the pages are leaving, drop their data. Otherwise the pages still on
        // screen reload under the new account or coop instead of showing the old one.
        if (session.user === null) queryClient.removeQueries({ predicate });
        else void queryClient.resetQueries({ predicate });
      }
    },
    [queryClient],
  );

  const session = query.data;
  const userLocale = session?.user?.locale;
  useEffect(() => {
    // A choice made on this browser wins; otherwise follow the account's language.
    if (userLocale && !storedLanguage()) {
      const lang = userLocale.slice(0, 2);
      if (isLanguage(lang)) void setLanguage(lang);
    }
  }, [userLocale]);

  const value = useMemo<SessionContextValue | null>(() => {
    if (!session) return null;
    return {
      session,
      user: session.user,
      coop: session.coop,
      roles: session.roles,
      isAuthenticated: session.user !== null,
      hasRole: (...roles) => hasRole(session.roles, ...roles),
      applySession,
      login: async (input) => {
        const next = await api.post<Session>('/api/auth/login', input);
        applySession(next, { resetData: true });
        return next;
      },
      logout: async () => {
        try {
          await api.post('/api/auth/logout');
        } catch (error) {
          // Already signed out on the server (expired session): carry on.
          if (!isApiError(error) || error.status !== 401) throw error;
        }
        // The signed-out session carries the CSRF token for the next login.
        applySession(await fetchSession(), { resetData: true });
      },
      switchCoop: async (coopId) => {
        const next = await api.post<Session>('/api/auth/switch-coop', { coopId });
        applySession(next, { resetData: true });
        return next;
      },
      refresh: async () => {
        await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      },
    };
  }, [session, applySession, queryClient]);

  if (value) return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
  if (query.isError) return <>{errorFallback(() => void query.refetch())}</>;
  return <>{fallback}</>;
}

/** The current session; only usable below SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only usable on pages behind the login guard. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser() used on a page open to signed-out visitors');
  return user;
}
