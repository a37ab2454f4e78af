// Recruitment as CSV: a header row naming site, date and participants (any order, any case),
// then one row per site per day. Every row is checked; the caller saves nothing unless all pass.
import { CsvError, parse } from 'csv-parse/sync';
import { type RecruitmentRow, problemsFrom, recruitmentRowSchema } from './schema.js';

export interface CsvProblem {
  /** As a spreadsheet numbers rows: the header is row 1. */
  row: number | null;
  message: string;
}

export const recruitmentCsvColumns = ['site', 'date', 'participants'] as const;
export const maxRecruitmentRows = 10_000;

/** Reads the file, or says everything wrong with it. */
export function readRecruitmentCsv(
  content: string,
):
  | { ok: true; rows: RecruitmentRow[]; rowNumbers: number[] }
  | { ok: false; problems: CsvProblem[] } {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    return { ok: false, problems: [{ row: null, message: 'The file is empty' }] };
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const finished = (error as CsvError & { records?: number }).records;
    return {
      ok: false,
      problems: [
        {
          row: typeof finished === 'number' ? finished + 1 : null,
          message: 'This row is not valid CSV: check its commas and quote marks',
        },
      ],
    };
  }
  const [header = [], ...body] = records;
  const names = header.map((name) => name.trim().toLowerCase());
  const positions = recruitmentCsvColumns.map((column) => names.indexOf(column));
  const missing = recruitmentCsvColumns.filter((_, i) => positions[i] === -1);
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          message: `The header row must name the columns site, date and participants (missing: ${missing.join(', ')})`,
        },
      ],
    };
  }
  const problems: CsvProblem[] = [];
  const rows: RecruitmentRow[] = [];
  const rowNumbers: number[] = [];
  body.forEach((values, index) => {
    const row = index + 2;
    if (values.every((value) => value === '')) return;
    const [site, date, participants] = positions.map((p) => values[p] ?? '');
    const parsed = recruitmentRowSchema.safeParse({
      site,
      date,
      participants: /^-?\d+$/.test(participants ?? '') ? Number(participants) : participants,
    });
    if (!parsed.success) {
      for (const problem of problemsFrom(parsed.error)) {
        problems.push({ row, message: `${problem.name}: ${problem.reason}` });
      }
      return;
    }
    rows.push(parsed.data);
    rowNumbers.push(row);
  });
  if (rows.length + problems.length === 0) {
    return {
      ok: false,
      problems: [{ row: null, message: 'The file has a header row but no rows' }],
    };
  }
  if (rows.length > maxRecruitmentRows) {
    return {
      ok: false,
      problems: [{ row: null, message: `The file may hold at most ${maxRecruitmentRows} rows` }],
    };
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows, rowNumbers };
}
