export { EnvironmentStatusBadge } from './EnvironmentStatusBadge';
export type { EnvironmentStatusBadgeProps } from './EnvironmentStatusBadge';
