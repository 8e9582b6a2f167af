import zlib from 'node:zlib'

/**
 * Brotli or gzip for every answer over 1 KB — the client's JavaScript, GeoJSON, a county's
 * attribute table (10 MB of JSON → about 1 MB), vector tiles. Quality 5: near the best ratio at a
 * fraction of brotli 11's CPU, which a request cannot wait for; assets are cached immutably after.
 * One set for the app and for a route that widens the types (a route's options replace the app's whole).
 *
 * Answers up to 256 KiB are compressed in one synchronous call, larger ones through a zlib stream.
 * The plugin's default cut-off on 2 cores is 8 KiB, and the stream's hops cost more than the
 * compression: measured on the overlap answer (101 KiB of JSON, gzip), about 1.3 ms a request more
 * than the one call, which takes 0.9 ms of the event loop (brotli 5 about the same; so 256 KiB holds
 * the loop for at most ~2.5 ms). A county's attribute table (10 MB) still streams.
 */
export const COMPRESSION = {
  threshold: 1024,
  syncThreshold: 256 * 1024,
  encodings: ['br', 'gzip'] as ('br' | 'gzip')[],
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
}
