/**
 * Server-sent events on a plain stream (`text/event-stream`), uncompressed so that each event
 * reaches the client when written. A comment line every 15 s keeps proxies from closing an idle
 * stream during a long batch.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

const HEARTBEAT_MS = 15_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
  /** Called once when the stream ends or the client goes away. */
  onClose(fn: () => void): void;
  stream: PassThrough;
}

export function openEventStream(reply: FastifyReply): EventStream {
  const stream = new PassThrough();
  reply.code(200).headers({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
  const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
  stream.once('close', () => clearInterval(heartbeat));
  reply.raw.once('close', () => stream.destroy());
  return {
    send: (event, data) => {
      if (!stream.destroyed) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end: () => stream.end(),
    onClose: (fn) => stream.once('close', fn),
    stream,
  };
}
