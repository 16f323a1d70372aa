import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The organisation overview page (`/delivery` in the app).
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'delivery' });
