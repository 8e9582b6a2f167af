import type { AttachmentType } from '../../web/src/shared/api/idle-cases'

/**
 * The type of a file from its first bytes (its "magic number"), never from the name or the type a
 * browser claims: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, WebP "RIFF" <size> "WEBP", PDF "%PDF-".
 * Null for anything else.
 * @example sniffAttachmentType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffAttachmentType(b: Buffer): AttachmentType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  return null
}
