/**
 * Today as the park's officers count days (China Standard Time, UTC+8), YYYY-MM-DD: the day a
 * step is recorded on and deadlines are measured from, whatever the server's own time zone.
 */
export function parkToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
