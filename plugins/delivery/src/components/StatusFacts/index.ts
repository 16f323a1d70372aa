export { StatusFacts } from './StatusFacts';
export type { StatusFactsProps } from './StatusFacts';
export { MissingLinkBox } from './MissingLinkBox';
export type { MissingLinkBoxProps } from './MissingLinkBox';
