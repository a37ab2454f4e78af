import { CsvError, parse } from 'csv-parse/sync';
import { maxImportRows } from './columns.js';

/** One thing wrong with an import file. `row` is as a spreadsheet numbers it: the header is 1. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
  /** What to write instead, when it is long (a list of allowed values): shown in the table only. */
  hint?: string;
}

export interface CsvRecord {
  /** The row number in the file, counting the header as row 1. */
  row: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

const saveAsUtf8 = 'Save it from your spreadsheet as "CSV UTF-8 (comma delimited)" and try again.';

/** Lines (1-based) holding bytes that are not UTF-8, at most `limit` of them. */
function linesWithInvalidUtf8(content: Buffer, limit: number): number[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  while (start <= content.length && lines.length < limit) {
    const end = content.indexOf(0x0a, start);
    const stop = end === -1 ? content.length : end;
    try {
      decoder.decode(content.subarray(start, stop));
    } catch {
      lines.push(line);
    }
    if (end === -1) break;
    start = end + 1;
    line += 1;
  }
  return lines;
}

function decode(content: Buffer): { text: string } | { problems: ImportProblem[] } {
  const fileProblem = (message: string) => ({ problems: [{ row: null, column: null, message }] });
  if (content.length === 0) return fileProblem('The selected file is empty');
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return fileProblem(
      `The selected file is a spreadsheet workbook, not a CSV file. ${saveAsUtf8}`,
    );
  }
  const utf16 =
    content.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ||
    content.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]));
  if (utf16) return fileProblem(`The selected file is saved as UTF-16 text. ${saveAsUtf8}`);
  try {
    // The decoder drops a leading byte order mark (EF BB BF), as Excel writes one.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
  } catch {
    const lines = linesWithInvalidUtf8(content, 10);
    return fileProblem(
      `The file is not UTF-8 text (check line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}). ${saveAsUtf8}`,
    );
  }
}

function csvErrorProblem(error: CsvError): ImportProblem {
  const details = error as CsvError & { records?: number; lines?: number };
  // csv-parse counts the records it finished; the faulty one is the next, numbered from 1.
  const row = typeof details.records === 'number' ? details.records + 1 : null;
  const where =
    typeof details.lines === 'number' && row !== null && details.lines !== row
      ? ` (line ${details.lines} of the file)`
      : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        row,
        column: null,
        message: `A value in this row opens with a quote mark (") that is never closed${where}. Put a quote mark at the end of the value, and write any quote mark inside a value as two ("").`,
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return {
        row,
        column: null,
        message: `A quote mark (") is in the wrong place${where}. Put quote marks around the whole value, and write any quote mark inside a value as two ("").`,
      };
    default:
      return {
        row,
        column: null,
        message: `This row is not valid CSV${where}. Check its commas and quote marks.`,
      };
  }
}

/**
 * Reads an uploaded file as CSV: UTF-8 (with or without a byte order mark), a header row, then
 * records. Blank rows are skipped but still counted, so row numbers match the spreadsheet's.
 */
export function readCsv(content: Buffer): { table: CsvTable } | { problems: ImportProblem[] } {
  const decoded = decode(content);
  if ('problems' in decoded) return decoded;
  if (decoded.text.trim() === '') {
    return { problems: [{ row: null, column: null, message: 'The selected file is empty' }] };
  }
  let rows: string[][];
  try {
    rows = parse(decoded.text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) return { problems: [csvErrorProblem(error)] };
    throw error;
  }
  const [header = [], ...rest] = rows;
  if (header.every((name) => name.trim() === '')) {
    return {
      problems: [
        {
          row: 1,
          column: null,
          message: 'The first row must be the header row, with the column names',
        },
      ],
    };
  }
  const records: CsvRecord[] = [];
  rest.forEach((values, index) => {
    if (values.some((value) => value.trim() !== '')) records.push({ row: index + 2, values });
  });
  if (records.length === 0) {
    return {
      problems: [
        {
          row: null,
          column: null,
          message: 'The file has a header row but no records under it',
        },
      ],
    };
  }
  if (records.length > maxImportRows) {
    return {
      problems: [
        {
          row: null,
          column: null,
          message: `The file has ${records.length.toLocaleString('en-GB')} records: import at most ${maxImportRows.toLocaleString('en-GB')} at a time, in several files`,
        },
      ],
    };
  }
  return { table: { header: header.map((name) => name.trim()), records } };
}
