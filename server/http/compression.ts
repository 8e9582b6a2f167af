import zlib from 'node:zlib'

/**
 * Brotli or gzip for every answer over 1 KB — the client's JavaScript, GeoJSON, a county's
 * attribute table (10 MB of JSON → about 1 MB), vector tiles. Quality 5: near the best ratio at a
 * fraction of brotli 11's CPU, which a request cannot wait for; assets are cached immutably after.
 * One set for the app and for a route that widens the types (a route's options replace the app's whole).
 */
export const COMPRESSION = {
  threshold: 1024,
  encodings: ['br', 'gzip'] as ('br' | 'gzip')[],
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
}
