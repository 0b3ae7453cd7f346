import { defineModule } from '../../platform/module';
import { ensureBootstrapAdmin } from './bootstrap';
import { accountRoutes } from './routes';
import { selfServiceRoutes } from './self-routes';

/** Users, sign-in, sign-up, roles and the signed-in user's own account (내 계정). */
export const accountsModule = defineModule({
  name: 'accounts',
  routes: [accountRoutes, selfServiceRoutes],
  async startup({ db, config, log, warn }) {
    const admin = await ensureBootstrapAdmin(db, config.bootstrapAdmin);
    if (admin === 'created') log(`[accounts] first admin created: ${config.bootstrapAdmin?.email}`);
    if (admin === 'missing')
      warn(
        '[accounts] no admin account: set ITDA_ADMIN_EMAIL and ITDA_ADMIN_PASSWORD to create the first one',
      );
  },
});
