export { PipelineGraphic } from './PipelineGraphic';
export type { PipelineGraphicProps } from './PipelineGraphic';
