import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent after DATA, without the final "." line. */
  data: string;
}

/** How the server answers the RCPT and the end of DATA in the nth mail transaction (from 1). */
export type SmtpReplies = (transaction: number) => { rcpt: string; data: string };

const accept: SmtpReplies = () => ({ rcpt: '250 2.1.5 OK', data: '250 2.0.0 Accepted' });

/**
 * Just enough of an SMTP server (RFC 5321, no TLS, no extensions) on loopback for tests: it
 * records what it accepts and answers as told, so a test can make it refuse or fail.
 */
export class FakeSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Mail transactions begun (MAIL FROM commands), accepted or not. */
  transactions = 0;
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly replies: SmtpReplies = accept) {}

  get url(): string {
    const address = this.server?.address() as net.AddressInfo | null;
    if (!address) throw new Error('the fake SMTP server is not listening');
    return `smtp://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    const server = net.createServer((socket) => this.converse(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private converse(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { from: '', to: [], data: '' };
    let transaction = 0;

    reply('220 fake.test ESMTP ready');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 5);
          inData = false;
          const answer = this.replies(transaction).data;
          if (answer.startsWith('2')) this.received.push(current);
          reply(answer);
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd < 0) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 fake.test');
        else if (verb === 'MAIL') {
          this.transactions += 1;
          transaction = this.transactions;
          current = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [], data: '' };
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          const answer = this.replies(transaction).rcpt;
          if (answer.startsWith('2')) current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply(answer);
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('250 2.0.0 OK');
      }
    });
  }
}
