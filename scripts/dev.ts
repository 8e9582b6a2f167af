// `npm run dev`: the API on PORT (default 8080) and Vite's dev server on 5173 with /api proxied to it.
import { spawn } from 'node:child_process'
import { readConfig } from '../server/config'
import { startServer } from '../server/main'

const server = await startServer(readConfig())
const vite = spawn('npx', ['vite'], { stdio: 'inherit', env: process.env })
const stop = () => {
  vite.kill()
  void server.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
