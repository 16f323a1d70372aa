export { DeploysTable } from './DeploysTable';
export type { DeploysTableProps } from './DeploysTable';
