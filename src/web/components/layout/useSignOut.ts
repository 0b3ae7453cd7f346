import { useNavigate } from 'react-router';
import { useLogout } from '../../api/auth';

/** Sign out here or everywhere, then go home. */
export function useSignOut() {
  const navigate = useNavigate();
  const here = useLogout(false);
  const everywhere = useLogout(true);
  const run = (all: boolean) =>
    (all ? everywhere : here).mutate(undefined, {
      onSettled: () => navigate('/', { state: { signedOut: all ? 'all' : 'here' } }),
    });
  return {
    signOut: () => run(false),
    signOutEverywhere: () => run(true),
    pending: here.isPending || everywhere.isPending,
  };
}
