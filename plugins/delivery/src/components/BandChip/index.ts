export { BandChip } from './BandChip';
