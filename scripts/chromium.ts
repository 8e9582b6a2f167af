/** Debian's Chromium, headless (never a downloaded browser), for the browser tests and the bench's first paint. */
import { chromium, type Browser } from 'playwright-core'

/** WebGL on SwiftShader (no GPU), and nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}
