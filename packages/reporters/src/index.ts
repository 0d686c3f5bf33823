export {
  builtinReporters,
  isBuiltinReporter,
  loadBuiltinReporter,
  type BuiltinReporter,
} from './builtin-reporters.js';
export { renderGrid, type GridColumn, type Align, type CellStyle } from './table/render-grid.js';
export { CSV_COLUMNS } from './csv/csv-reporter.js';
export { ASTROBIN_COLUMNS } from './astrobin/astrobin-reporter.js';
export {
  nightTotals,
  filterTotals,
  type NightTotal,
  type FilterTotal,
} from './views/report-views.js';
