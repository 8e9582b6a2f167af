import type { ScenarioSummary } from '../../../shared/api/scenarios'
import type { Language } from '../../../lib/featureDetails'

/** A scenario's name in the reader's language; English falls back to the Chinese (it is optional). */
export function scenarioName(s: Pick<ScenarioSummary, 'name_zh' | 'name_en'>, lang: Language): string {
  return lang === 'en' ? s.name_en || s.name_zh : s.name_zh
}

/** What the scenario revises, in the reader's language, or null for a new area. */
export function zoneName(s: Pick<ScenarioSummary, 'zone_id' | 'zone_zh' | 'zone_en'>, lang: Language): string | null {
  if (!s.zone_id) return null
  return (lang === 'en' ? s.zone_en || s.zone_zh : s.zone_zh) ?? s.zone_id
}

export function when(iso: string, lang: Language): string {
  return new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })
}
