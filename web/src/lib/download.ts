/**
 * Saves text as a file in the browser (an object URL on a temporary link). CSV gets a UTF-8 byte
 * order mark so that Excel opens Chinese headers correctly.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const bom = mimeType.startsWith('text/csv') ? '\uFEFF' : ''
  downloadBlob(fileName, new Blob([bom + text], { type: mimeType }))
}

/** Saves a Blob (an XLSX, a PNG) as a file. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoke on the next task: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Today as YYYY-MM-DD, for file names. */
export const isoToday = (): string => new Date().toISOString().slice(0, 10)

/**
 * A file name from a title that may hold spaces or characters Windows refuses, dated.
 * @example datedFileName('南区扩区 方案一', '2024-05-01', 'geojson', 'boundary') // "南区扩区-方案一-2024-05-01.geojson"
 */
export function datedFileName(name: string | null | undefined, date: string, extension: string, fallback: string): string {
  const base = (name ?? '').trim().replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || fallback
  return `${base}-${date}.${extension}`
}
