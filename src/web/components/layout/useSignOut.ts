import { useNavigate } from 'react-router';
import { useLogout } from '../../modules/accounts/api/auth';

/**
 * Sign out here or everywhere. Leaves the current page first, so pages that need a session do not
 * refetch their data without one; the home page then confirms the sign-out.
 */
export function useSignOut() {
  const navigate = useNavigate();
  const here = useLogout(false);
  const everywhere = useLogout(true);
  const run = (all: boolean) => {
    navigate('/');
    (all ? everywhere : here).mutate(undefined, {
      onSuccess: () => navigate('/', { replace: true, state: { signedOut: all ? 'all' : 'here' } }),
    });
  };
  return {
    signOut: () => run(false),
    signOutEverywhere: () => run(true),
    pending: here.isPending || everywhere.isPending,
  };
}
