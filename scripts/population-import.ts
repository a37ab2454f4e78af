// Import an OMOP CDM v5.3/v5.4 extract (CSV or Parquet, one file per table) as the population the
// platform counts (DATA_DIR/omop). Nothing is installed when the extract has errors.
// Usage: npm run population:import -- --from DIR [--reference-date YYYY-MM-DD] [--synthetic]
import { parseArgs } from 'node:util';
import {
  formatImportReport,
  importOmopExtract,
} from '../src/features/feasibility/population/import.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    'reference-date': { type: 'string' },
    synthetic: { type: 'boolean', default: false },
  },
});

if (!values.from) {
  console.error(
    'Usage: npm run population:import -- --from DIR [--reference-date YYYY-MM-DD] [--synthetic]',
  );
  process.exit(2);
}

const report = await importOmopExtract({
  from: values.from,
  dataDir: process.env.DATA_DIR ?? './data',
  referenceDate: values['reference-date'],
  synthetic: values.synthetic,
});
process.stdout.write(formatImportReport(report));
process.exitCode = report.ok ? 0 : 1;
