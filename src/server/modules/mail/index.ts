import { defineModule } from '../../platform/module';
import { mailRoutes } from './routes';
import { purgeOldMail } from './service';

/** The staff view of the mail outbox (발송함) and its retention. */
export const mailModule = defineModule({
  name: 'mail',
  routes: [mailRoutes],
  maintenance: [purgeOldMail],
});
