import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, onSessionExpired, setCsrfToken } from '../api/client.ts';
import type { Role, Session, User } from '../api/types.ts';
import { todayInVietnam } from '../format.ts';

interface SessionState {
  user: User | null;
  /** The server's business date (yyyy-mm-dd); the browser's own date until signed in. */
  today: string;
  loading: boolean;
  /** True after the server ended a session this tab was using (shown once on the sign-in page). */
  expired: boolean;
  signIn(username: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        setCsrfToken(null);
        queryClient.setQueryData(SESSION_KEY, null);
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<Session>('/api/auth/login', { username, password });
      setCsrfToken(session.csrfToken);
      setExpired(false);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
      return session.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Signed out here all the same: a session the server could not be told about expires on its own.
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  const value = useMemo<SessionState>(
    () => ({ user: query.data?.user ?? null, today: query.data?.today ?? todayInVietnam(), loading: query.isPending, expired, signIn, signOut }),
    [query.data, query.isPending, expired, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** Today as the server counts it: countdowns and "days late" must agree with what the server decides. */
export function useToday(): string {
  return useSession().today;
}

export const AGENCY_ROLES: readonly Role[] = ['agency_leader', 'agency_staff'];

export function isAgencyRole(role: string): boolean {
  return (AGENCY_ROLES as readonly string[]).includes(role);
}

export function hasRole(user: User, ...roles: Role[]): boolean {
  return (roles as readonly string[]).includes(user.role);
}
