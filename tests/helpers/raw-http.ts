import net from 'node:net'

export interface RawAnswer {
  status: number
  body: string
}

/**
 * A request sent over a bare socket in two parts: the headers and the first part of the body now,
 * the rest when `finish()` is called — a slow client, or one that holds its request on purpose.
 * @example const held = await heldRequest(url, 'POST', '/api/scenarios', headers, body); …; await held.finish()
 */
export async function heldRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ finish(): Promise<RawAnswer>; answer: Promise<RawAnswer> }> {
  const { hostname, port } = new URL(baseUrl)
  const socket = net.connect(Number(port), hostname)
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  const answer = new Promise<RawAnswer>((resolve) => {
    socket.once('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
  })
  const bytes = Buffer.from(body, 'utf8')
  const head = Object.entries({ ...headers, host: `${hostname}:${port}`, 'content-type': 'application/json', 'content-length': String(bytes.length), connection: 'close' })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')
  const half = Math.floor(bytes.length / 2)
  socket.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n\r\n`)
  socket.write(bytes.subarray(0, half))
  return {
    answer,
    finish() {
      socket.write(bytes.subarray(half))
      return answer
    },
  }
}
