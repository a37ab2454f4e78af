// A bare Fastify server answering one fixed route: the ceiling the platform is compared with.
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const body = `<!DOCTYPE html><html lang="en"><head><title>Bare</title></head><body><h1>Bare route</h1></body></html>`;
const app = Fastify({ logger: false });
app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(body));
await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
