export { EnvironmentCard } from './EnvironmentCard';
export type { EnvironmentCardProps } from './EnvironmentCard';
