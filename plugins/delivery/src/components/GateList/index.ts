export { GateList, gateLabel } from './GateList';
export type { GateListProps } from './GateList';
