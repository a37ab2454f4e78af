import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MailOutbox, MailStatus, MailSummary } from '../../platform/mail/index.js';
import { paths, pathTo } from '../../platform/paths.js';
import { mailListQuery, mailMessageParams } from './schema.js';

const pageSize = 50;

const statusTags: Record<MailStatus, { text: string; colour: string }> = {
  queued: { text: 'Queued', colour: 'grey' },
  sent: { text: 'Sent', colour: 'green' },
  failed: { text: 'Failed', colour: 'red' },
};

/** "2026-11-28 14:03:22", in UTC as the page says. */
function utc(date: Date | null): string {
  return date ? date.toISOString().replace('T', ' ').slice(0, 19) : '';
}

function summaryView(message: MailSummary) {
  return {
    id: message.id,
    to: message.to,
    subject: message.subject,
    status: statusTags[message.status],
    attempts: message.attempts,
    created: utc(message.createdAt),
    sent: utc(message.sentAt),
    href: pathTo.mailMessage(message.id),
  };
}

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

export function mailAdminHandlers(outbox: MailOutbox) {
  return {
    list: async (request: FastifyRequest, reply: FastifyReply) => {
      // A page number that is not one, or past the last page, is a page that does not exist.
      const query = mailListQuery.safeParse(request.query ?? {});
      if (!query.success) return notFound(reply);
      const { page } = query.data;
      const { messages, total } = await outbox.list(page, pageSize);
      const pageCount = Math.max(1, Math.ceil(total / pageSize));
      if (page > pageCount) return notFound(reply);
      return reply.render('mail-admin/views/mail-list.njk', {
        messages: messages.map(summaryView),
        total,
        page,
        pageCount,
        listPath: paths.adminMail,
      });
    },

    message: async (request: FastifyRequest, reply: FastifyReply) => {
      const params = mailMessageParams.safeParse(request.params);
      if (!params.success) return notFound(reply);
      const message = await outbox.find(params.data.id);
      if (!message) return notFound(reply);
      return reply.render('mail-admin/views/mail-message.njk', {
        message: {
          ...summaryView(message),
          text: message.text,
          html: message.html,
          lastError: message.lastError,
          messageId: message.messageId,
          fileName: message.fileName,
        },
        listPath: paths.adminMail,
      });
    },
  };
}
