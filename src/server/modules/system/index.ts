import { defineModule } from '../../platform/module';
import { systemRoutes } from './routes';

/** Health, version and the public settings of the install. */
export const systemModule = defineModule({ name: 'system', routes: [systemRoutes] });
