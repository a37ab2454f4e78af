import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import { auditContextOf } from '../../../platform/http/authentication.js';
import { formBody } from '../../../platform/http/forms.js';
import { paths, pathTo } from '../../../platform/paths.js';
import {
  formErrorsFor,
  noFormErrors,
  type FormErrors,
} from '../../../platform/views/form-errors.js';
import { healthCategories, midlandsPlaces } from '../model.js';
import { actsForEveryOrganisation } from '../records.js';
import {
  importColumns,
  importKindNames,
  importKinds,
  isImportKind,
  maxImportRows,
  type ImportKind,
} from './columns.js';
import type { ImportProblem } from './csv.js';
import { DirectoryImporter } from './service.js';
import { uploadOf } from './upload.js';

const fieldOrder = ['recordType', 'file'] as const;
/** The error summary names this many problems; the table below it lists them all (up to a limit). */
const summaryLimit = 10;
const tableLimit = 1_000;

const formatNumber = (value: number) => value.toLocaleString('en-GB');

const kindHints: Record<ImportKind, string> = {
  organisations: 'New organisations, such as companies or facilities. Alliance office only.',
  people: 'Investigators and other staff, each under an organisation in the directory.',
  capabilities: 'Research capabilities, each under an organisation in the directory.',
};

const listPaths: Record<ImportKind, string> = {
  organisations: paths.manageOrganisations,
  people: paths.managePeople,
  capabilities: paths.manageCapabilities,
};

/** A CSV line, quoting values that need it. */
function csvLine(values: readonly string[]): string {
  return values
    .map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value))
    .join(',');
}

/** The column tables and an example file for each kind of record, for the page. */
const columnGuide = importKinds.map((kind) => ({
  kind,
  name: importKindNames[kind].plural,
  columns: importColumns[kind],
  vocabularies:
    kind === 'capabilities'
      ? [
          { title: 'Places (location)', items: midlandsPlaces },
          { title: 'HRCS health categories (health_categories)', items: healthCategories },
        ]
      : [],
  example: [
    csvLine(importColumns[kind].map((column) => column.name)),
    csvLine(importColumns[kind].map((column) => column.example)),
  ].join('\n'),
}));

function kindsFor(user: SignedInUser): ImportKind[] {
  return actsForEveryOrganisation(user) ? [...importKinds] : ['people', 'capabilities'];
}

const where = (problem: ImportProblem) =>
  [problem.row === null ? null : `Row ${problem.row}`, problem.column].filter(Boolean).join(', ');

interface PageState {
  values: { recordType?: string; publish?: boolean };
  errors: FormErrors;
  problems?: ImportProblem[];
  records?: number;
}

export function directoryImportHandlers(importer: DirectoryImporter) {
  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    { values, errors, problems = [], records = 0 }: PageState,
    status = 200,
  ) => {
    const user = request.user as SignedInUser;
    const rowProblems = problems.filter((problem) => problem.row !== null);
    return reply.code(status).render('directory/import/views/import.njk', {
      values,
      errors,
      canPublish: actsForEveryOrganisation(user),
      kindItems: kindsFor(user).map((kind) => ({
        value: kind,
        text: importKindNames[kind].plural.replace(/^./, (first) => first.toUpperCase()),
        hint: { text: kindHints[kind] },
        checked: values.recordType === kind,
      })),
      problems: rowProblems.slice(0, tableLimit).map((problem, index) => ({
        ...problem,
        id: `problem-${index + 1}`,
      })),
      problemCount: rowProblems.length,
      problemRows: new Set(rowProblems.map((problem) => problem.row)).size,
      hiddenProblems: Math.max(0, rowProblems.length - tableLimit),
      records,
      columnGuide,
      maxImportRows,
      formatNumber,
      csrfToken: reply.generateCsrf(),
    });
  };

  /** The form's own errors, then the file's problems in the error summary. */
  const reportProblems = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: PageState['values'],
    problems: ImportProblem[],
    records: number,
  ) => {
    const fileProblems = problems.filter((problem) => problem.row === null);
    const rowProblems = problems.filter((problem) => problem.row !== null);
    const summary = fileProblems.map((problem) => ({ text: problem.message, href: '#file' }));
    if (rowProblems.length) {
      const rows = new Set(rowProblems.map((problem) => problem.row)).size;
      summary.push(
        ...rowProblems.slice(0, summaryLimit).map((problem, index) => ({
          text: `${where(problem)}: ${problem.message}`,
          href: `#problem-${index + 1}`,
        })),
      );
      if (rowProblems.length > summaryLimit) {
        summary.push({
          text: `And ${formatNumber(rowProblems.length - summaryLimit)} more problems, listed in the table`,
          href: '#import-problems',
        });
      }
      fileProblems.push({
        row: null,
        column: null,
        message: `The file has ${formatNumber(rowProblems.length)} problem${rowProblems.length === 1 ? '' : 's'} in ${formatNumber(rows)} row${rows === 1 ? '' : 's'}, listed below. Nothing was imported`,
      });
    }
    const fileMessage = fileProblems.map((problem) => problem.message).join('. ');
    return renderForm(
      request,
      reply,
      {
        values,
        errors: { summary, fields: { file: { text: fileMessage } } },
        problems,
        records,
      },
      422,
    );
  };

  return {
    showForm: (request: FastifyRequest, reply: FastifyReply) => {
      const kind = (request.query as Record<string, unknown>).type;
      return renderForm(request, reply, {
        values: { recordType: isImportKind(kind) ? kind : undefined },
        errors: noFormErrors,
      });
    },

    importFile: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = request.user as SignedInUser;
      const body = formBody(request);
      const upload = uploadOf(request);
      const recordType = typeof body.recordType === 'string' ? body.recordType : '';
      const values = { recordType, publish: body.publish === 'yes' };

      const messages: Record<string, string> = {};
      if (!isImportKind(recordType)) {
        messages.recordType = 'Choose the kind of record the file holds';
      } else if (!kindsFor(user).includes(recordType)) {
        messages.recordType = 'Only the alliance office can import organisations';
      }
      if (upload.problem === 'too-large') {
        messages.file = 'The selected file must be smaller than 2 MB. Split it into several files';
      } else if (upload.problem === 'too-many-files') {
        messages.file = 'Select one file at a time';
      } else if (upload.problem === 'unreadable') {
        messages.file = 'The upload could not be read. Select the file and try again';
      } else if (!upload.file || upload.file.fileName === '') {
        messages.file = 'Select a CSV file to import';
      } else if (
        !/\.csv$/i.test(upload.file.fileName) &&
        !/^text\/csv\b/i.test(upload.file.mimeType)
      ) {
        messages.file = 'The selected file must be a CSV file (ending .csv)';
      }
      if (Object.keys(messages).length || !upload.file || !isImportKind(recordType)) {
        return renderForm(
          request,
          reply,
          { values, errors: formErrorsFor(messages, fieldOrder) },
          upload.problem === 'too-large' ? 413 : 422,
        );
      }

      const result = await importer.import(user, auditContextOf(request), {
        kind: recordType,
        // eslint-disable-next-line no-control-regex
        fileName: upload.file.fileName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200),
        content: upload.file.content,
        publish: values.publish,
      });
      if (!result.ok) {
        if (result.failure) {
          request.log.warn({ err: result.failure }, 'directory import undone by the database');
        }
        request.log.info(
          { problems: result.problems.length, kind: recordType },
          'directory import refused',
        );
        return reportProblems(request, reply, values, result.problems, result.records);
      }
      const names = importKindNames[result.kind];
      return reply.render('directory/import/views/imported.njk', {
        kind: result.kind,
        count: result.created.length,
        noun: result.created.length === 1 ? names.singular : names.plural,
        published: result.status === 'published',
        created: result.created.slice(0, 100).map((record) => ({
          ...record,
          href: pathTo.manageRecord(names.entityType, record.id),
        })),
        moreCount: Math.max(0, result.created.length - 100),
        listPath: listPaths[result.kind],
        formatNumber,
      });
    },
  };
}
