/**
 * Writes the sample park dataset to data/ (see data/README.md). Deterministic: a fixed-seed
 * PRNG, no clock, no Math.random — running it twice gives byte-identical files.
 *
 *   node --import tsx scripts/generate-sample-park.ts      (npm run generate:park)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildSamplePark, muByZone } from './sample-park/build'

export { buildSamplePark } from './sample-park/build'

/** The data/ folder next to scripts/. */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data')

/** Generates every file and writes it to `dir`; returns the file names written. */
export function writeSamplePark(dir: string = DATA_DIR): string[] {
  const { files, parcels, figuresRows } = buildSamplePark()
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of files) writeFileSync(join(dir, name), text)
  const mu = Object.entries(muByZone(parcels)).map(([z, m]) => `${z} ${m.toFixed(2)} mu`)
  console.log(`wrote ${files.size} files to ${dir}: ${parcels.length} parcels (${mu.join(', ')}), ${figuresRows} figure rows`)
  return [...files.keys()]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeSamplePark()
