import type { Romanizer } from './searchIndex'

/** pinyin-pro (its dictionary is large), loaded the first time someone opens the search. */
export async function loadRomanizer(): Promise<Romanizer> {
  const { pinyin } = await import('pinyin-pro')
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  return {
    full: (text) => clean(pinyin(text, { toneType: 'none', separator: '', nonZh: 'consecutive' })),
    initials: (text) => clean(pinyin(text, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' })),
  }
}
