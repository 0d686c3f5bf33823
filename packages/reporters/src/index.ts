export { builtinReporters, isBuiltinReporter } from './builtin-reporters.js';
export { renderGrid, type GridColumn, type Align } from './table/render-grid.js';
