import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvRow } from '../../../../platform/audit/csv.js';
import { auditContextOf } from '../../../../platform/http/authentication.js';
import { formBody } from '../../../../platform/http/forms.js';
import { pathTo } from '../../../../platform/paths.js';
import { noFormErrors, type FormErrors } from '../../../../platform/views/form-errors.js';
import {
  maxRecruitmentRows,
  readRecruitmentCsv,
  recruitmentCsvColumns,
} from '../../recruitment-csv.js';
import type { SiteView, StudyView } from '../../service.js';
import {
  type FormValues,
  pageErrors,
  readRecruitmentForm,
  recruitmentAnchors,
  recruitmentFields,
} from '../form-fields.js';
import { dayText } from '../presenters.js';
import { addDays } from '../series.js';
import { textOfUpload, uploadOf } from '../upload.js';
import {
  type StudyPageServices,
  forbidden,
  notFound,
  siteOf,
  sitesUserMayUpdate,
  studyOf,
  userOf,
} from './common.js';

const views = {
  form: 'studies/pages/views/recruitment-form.njk',
  upload: 'studies/pages/views/upload.njk',
};

/** The error summary names this many row problems; the table below it lists them all. */
const summaryLimit = 10;
const tableLimit = 1_000;

const formatCount = (value: number) => value.toLocaleString('en-GB');

/** A problem with the file: a row number as a spreadsheet shows it, or null for the whole file. */
interface RowProblem {
  row: number | null;
  message: string;
}

export function recruitmentHandlers({ service }: StudyPageServices) {
  // ----- One day at one site -----

  const renderForm = (
    reply: FastifyReply,
    study: StudyView,
    site: SiteView,
    values: FormValues,
    errors: FormErrors = noFormErrors,
    status = 200,
  ) =>
    reply.code(status).render(views.form, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}Recruitment at ${site.organisationName} – ${study.reference}`,
      csrfToken: reply.generateCsrf(),
      formAction: pathTo.studySiteRecruitment(study.reference, site.organisationSlug),
      backHref: `${pathTo.study(study.reference)}#site-${site.organisationSlug}`,
      uploadHref: pathTo.studyRecruitmentUpload(study.reference),
      openHref: pathTo.studySiteMilestone(study.reference, site.organisationSlug, 'site-open'),
      study,
      site,
      openedOn: site.openedOn ? dayText(site.openedOn) : null,
      recent: [...site.recruitment]
        .reverse()
        .slice(0, 14)
        .map((day) => ({ date: dayText(day.recruitedOn), participants: day.participants })),
      values,
      errors,
    });

  /** The study and one of its sites this user may update, or the answer to send instead. */
  const siteToUpdate = async (request: FastifyRequest, reply: FastifyReply) => {
    const study = await studyOf(service, request);
    if (!study) return { refused: notFound(reply) };
    const site = siteOf(study, request);
    if (!site) return { refused: notFound(reply) };
    if (!service.canUpdateSite(userOf(request), site)) return { refused: forbidden(reply) };
    return { study, site };
  };

  // ----- A file of many days and sites -----

  const renderUpload = (
    reply: FastifyReply,
    study: StudyView,
    options: { problems?: RowProblem[]; status?: number } = {},
  ) => {
    const problems = options.problems ?? [];
    const user = userOf(reply.request);
    const fileProblems = problems.filter((problem) => problem.row === null);
    const rowProblems = problems
      .filter((problem) => problem.row !== null)
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const rows = new Set(rowProblems.map((problem) => problem.row)).size;
    const summary = [
      ...fileProblems.map((problem) => ({ text: problem.message, href: '#file' })),
      ...rowProblems.slice(0, summaryLimit).map((problem, index) => ({
        text: `Row ${problem.row}: ${problem.message}`,
        href: `#problem-${index + 1}`,
      })),
      ...(rowProblems.length > summaryLimit
        ? [
            {
              text: `And ${formatCount(rowProblems.length - summaryLimit)} more problems, listed in the table`,
              href: '#file-problems',
            },
          ]
        : []),
    ];
    const fieldMessage = [
      ...fileProblems.map((problem) => problem.message),
      ...(rowProblems.length
        ? [
            `The file has ${formatCount(rowProblems.length)} ${rowProblems.length === 1 ? 'problem' : 'problems'} in ${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}, listed below. Nothing was saved`,
          ]
        : []),
    ].join('. ');
    return reply.code(options.status ?? 200).render(views.upload, {
      pageTitle: `${summary.length ? 'Error: ' : ''}Upload recruitment – ${study.reference}`,
      csrfToken: reply.generateCsrf(),
      formAction: pathTo.studyRecruitmentUpload(study.reference),
      templateHref: pathTo.studyRecruitmentTemplate(study.reference),
      backHref: pathTo.study(study.reference),
      study,
      sites: sitesUserMayUpdate(service, user, study).map((site) => ({
        slug: site.organisationSlug,
        name: site.organisationName,
        opened: site.openedOn ? dayText(site.openedOn) : 'Not open yet',
      })),
      errors: {
        summary,
        fields: fieldMessage ? { file: { text: fieldMessage } } : {},
      },
      problems: rowProblems
        .slice(0, tableLimit)
        .map((problem, index) => ({ ...problem, id: `problem-${index + 1}` })),
      problemCount: rowProblems.length,
      problemRows: rows,
      hiddenProblems: Math.max(0, rowProblems.length - tableLimit),
      maxRows: formatCount(maxRecruitmentRows),
      example: [
        recruitmentCsvColumns.join(','),
        `uhb,${addDays(service.today(), -2)},3`,
        `uhb,${addDays(service.today(), -1)},0`,
        `nuh,${addDays(service.today(), -1)},2`,
      ].join('\n'),
    });
  };

  /** The study, if this user may record recruitment at any of its sites. */
  const studyToUpload = async (request: FastifyRequest, reply: FastifyReply) => {
    const study = await studyOf(service, request);
    if (!study) return { refused: notFound(reply) };
    const user = userOf(request);
    if (!service.canManageStudies(user) && sitesUserMayUpdate(service, user, study).length === 0) {
      return { refused: forbidden(reply) };
    }
    return { study };
  };

  return {
    form: async (request: FastifyRequest, reply: FastifyReply) => {
      const found = await siteToUpdate(request, reply);
      if ('refused' in found) return found.refused;
      return renderForm(reply, found.study, found.site, {});
    },

    record: async (request: FastifyRequest, reply: FastifyReply) => {
      const found = await siteToUpdate(request, reply);
      if ('refused' in found) return found.refused;
      const { study, site } = found;
      const reading = readRecruitmentForm(formBody(request), site.id);
      if (!reading.ok) return renderForm(reply, study, site, reading.values, reading.errors, 422);
      const outcome = await service.recordRecruitment(
        auditContextOf(request),
        userOf(request),
        study.id,
        [reading.input],
        () => 'date',
      );
      if (!outcome.ok) {
        if (outcome.status === 403) return forbidden(reply);
        if (outcome.status === 404) return notFound(reply);
        const problems = outcome.problems.map((problem) => ({ ...problem, name: 'date' }));
        return renderForm(
          reply,
          study,
          site,
          reading.values,
          pageErrors(problems, recruitmentFields, recruitmentAnchors),
          422,
        );
      }
      return reply.redirect(`${pathTo.study(study.reference)}?done=recruitment`, 303);
    },

    uploadForm: async (request: FastifyRequest, reply: FastifyReply) => {
      const found = await studyToUpload(request, reply);
      if ('refused' in found) return found.refused;
      return renderUpload(reply, found.study);
    },

    upload: async (request: FastifyRequest, reply: FastifyReply) => {
      const found = await studyToUpload(request, reply);
      if ('refused' in found) return found.refused;
      const { study } = found;
      const upload = uploadOf(request);
      const refuse = (message: string, status = 422) =>
        renderUpload(reply, study, { problems: [{ row: null, message }], status });
      if (upload.problem === 'too-large') {
        return refuse(
          'The selected file must be smaller than 2 MB. Split it into several files',
          413,
        );
      }
      if (upload.problem === 'too-many-files') return refuse('Select one file at a time');
      if (upload.problem === 'unreadable') {
        return refuse('The upload could not be read. Select the file and try again');
      }
      if (!upload.file || upload.file.fileName === '') return refuse('Select a CSV file to upload');
      if (!/\.csv$/i.test(upload.file.fileName) && !/^text\/csv\b/i.test(upload.file.mimeType)) {
        return refuse('The selected file must be a CSV file (ending .csv)');
      }
      const text = textOfUpload(upload.file.content);
      if (text === null) {
        return refuse('The file must be saved as CSV UTF-8: it has characters that are not UTF-8');
      }
      const read = readRecruitmentCsv(text);
      if (!read.ok) {
        return renderUpload(reply, study, { problems: read.problems, status: 422 });
      }
      const outcome = await service.recordRecruitment(
        auditContextOf(request),
        userOf(request),
        study.id,
        read.rows,
        (index) => `row ${read.rowNumbers[index] ?? index + 2}`,
      );
      if (!outcome.ok) {
        if (outcome.status === 404) return notFound(reply);
        const problems = outcome.problems.map((problem) => {
          const row = /^row (\d+)$/.exec(problem.name)?.[1];
          return { row: row === undefined ? null : Number(row), message: problem.reason };
        });
        return renderUpload(reply, study, { problems, status: outcome.status });
      }
      request.log.info(
        { study: study.reference, rows: outcome.value.rows },
        'recruitment file recorded',
      );
      return reply.redirect(`${pathTo.study(study.reference)}?done=recruitment`, 303);
    },

    /** A file to start from: the header and a row for each open site the user may update. */
    template: async (request: FastifyRequest, reply: FastifyReply) => {
      const found = await studyToUpload(request, reply);
      if ('refused' in found) return found.refused;
      const { study } = found;
      const yesterday = addDays(service.today(), -1);
      // Participants are left empty, so a template sent back unchanged is refused, not saved.
      const rows = sitesUserMayUpdate(service, userOf(request), study)
        .filter((site) => site.openedOn && site.openedOn <= yesterday)
        .map((site) => csvRow([site.organisationSlug, yesterday, '']));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="recruitment-${study.reference}.csv"`)
        .header('cache-control', 'no-store')
        .send([csvRow(recruitmentCsvColumns), ...rows].join(''));
    },
  };
}
