import { QueryClient } from '@tanstack/react-query';
import { isApiError, setUnauthorizedHandler } from './api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => (isApiError(err) && err.status > 0 && err.status < 500 ? false : count < 2),
    },
    mutations: { retry: false },
  },
});

// A 401 means the session is gone: refresh who we are so the layout shows the signed-out state.
setUnauthorizedHandler(() => {
  void queryClient.invalidateQueries({ queryKey: ['me'] });
});
