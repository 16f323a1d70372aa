export { ChartMuseumState, chartVersionJson, type ChartRecord } from './state';
export { createChartMuseumApp, type ChartMuseumAppOptions } from './app';
export { packTgz, readChartYaml } from './tgz';
