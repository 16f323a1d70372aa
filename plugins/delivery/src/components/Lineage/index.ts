export { Lineage } from './Lineage';
export type { LineageProps } from './Lineage';
