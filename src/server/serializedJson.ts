import type { FastifyReply } from 'fastify';

/**
 * Sends JSON that a route serialized earlier with its own response schema (reply.serialize) and kept: a Buffer
 * goes out as it is, without serializing again, so a repeated page or dossier costs one write
 * (docs/benchmarks.md). Typed routes cannot pass a Buffer where their response type is expected; this is the
 * one place that does.
 */
export function sendSerializedJson(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}
