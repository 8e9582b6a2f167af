// `npm start`: build the client if dist/web is missing or older than web/, then serve API + client on one port.
import { readConfig } from '../server/config'
import { startServer } from '../server/main'
import { ensureClientBuilt } from './client-build'

ensureClientBuilt()

const server = await startServer(readConfig())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
