import type { FastifyInstance } from 'fastify'
import type { Socket } from 'node:net'

const BODY = JSON.stringify({ error: { code: 'request_timeout', message: 'the request did not arrive in time; send it again' } })

/**
 * A request's body must have arrived within `ms` of its headers, else the request is answered
 * 408 and its connection closed. A body trickled in byte by byte would otherwise hold a socket for
 * as long as the client likes, and act at the end on the authority its headers had at the start.
 *
 * Node's own `server.requestTimeout` is set too, but under Fastify it did not end a request whose
 * body stopped half-way (measured: still open after 35 s with a 300 ms bound), so the bound is
 * kept here, per request, where it can be seen and tested.
 */
export function registerArrivalDeadline(app: FastifyInstance, ms: number): void {
  const deadlines = new WeakMap<object, NodeJS.Timeout>()
  app.addHook('onRequest', async (req) => {
    const raw = req.raw
    // Injected requests (tests, light-my-request) have no socket to hold and arrive whole.
    const socket = raw.socket as Socket | undefined
    if (raw.complete || typeof socket?.end !== 'function') return
    // No body follows the headers (RFC 9112 §6.3: neither a length nor a chunked transfer): nothing
    // can trickle, so no timer — most requests are GETs (a map load is hundreds of tiles).
    const length = raw.headers['content-length']
    if (raw.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) return
    const timer = setTimeout(() => {
      if (raw.complete || socket.destroyed) return
      socket.end(`HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\nConnection: close\r\n\r\n${BODY}`)
      socket.destroy()
    }, ms)
    timer.unref()
    deadlines.set(req, timer)
    const clear = () => clearTimeout(timer)
    raw.once('end', clear)
    raw.once('close', clear)
  })
  // However the request ended, once there is an answer the deadline is moot.
  app.addHook('onResponse', async (req) => clearTimeout(deadlines.get(req)))
}
