/**
 * Saves text as a file in the browser (an object URL on a temporary link). CSV gets a UTF-8 byte
 * order mark so that Excel opens Chinese headers correctly.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const bom = mimeType.startsWith('text/csv') ? '\uFEFF' : ''
  const url = URL.createObjectURL(new Blob([bom + text], { type: mimeType }))
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
