import type { Polygon } from 'geojson'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../../hooks/useResource'
import { fetchLayerFeatures } from '../../../lib/api'
import type { Language } from '../../../lib/featureDetails'
import { createScenario } from '../../../lib/scenarios/api'
import { useTask } from '../../../hooks/useTask'
import { SCENARIO_LIMITS, type ScenarioDetail } from '../../../shared/api/scenarios'
import { Banner } from '../Banner'
import { Icon } from '../Icon'
import { SaveError } from './SaveError'

/**
 * A new scenario: a Chinese name (English optional), the zone it revises (or none: a new area), a
 * note. Version 1 is the drawn boundary, or with nothing drawn the revised zone's own.
 */
export function NewScenarioForm({ boundary, boundaryInvalid, lang, onCreated }: {
  boundary: Polygon | null
  boundaryInvalid: boolean
  lang: Language
  onCreated: (scenario: ScenarioDetail) => void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState({ name_zh: '', name_en: '', zone_id: '', note: '' })
  const [refusal, setRefusal] = useState<string | null>(null)
  const zones = useResource('zones', (signal) => fetchLayerFeatures('zones', { signal }))
  const task = useTask<ScenarioDetail>()
  const set = (patch: Partial<typeof value>) => setValue((v) => ({ ...v, ...patch }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    const name = value.name_zh.trim()
    const problem = !name ? t('scenarios:needName') : !boundary && !value.zone_id ? t('scenarios:needShape')
      : boundary && boundaryInvalid ? t('scenarios:kinks') : null
    setRefusal(problem)
    if (problem) return
    const created = await task.run(() => createScenario({
      name_zh: name, name_en: value.name_en.trim() || null, note: value.note.trim() || null, zone_id: value.zone_id || null,
      ...(boundary ? { geometry: boundary } : {}),
    }))
    if (created) onCreated(created)
  }

  return (
    <form className="draft-form" onSubmit={(e) => void submit(e)} data-form="new-scenario">
      <label className="field"><span>{t('scenarios:nameZh')}</span>
        <input name="name_zh" value={value.name_zh} maxLength={SCENARIO_LIMITS.name} onChange={(e) => set({ name_zh: e.target.value })} /></label>
      <label className="field"><span>{t('scenarios:nameEn')}</span>
        <input name="name_en" value={value.name_en} maxLength={SCENARIO_LIMITS.name} onChange={(e) => set({ name_en: e.target.value })} /></label>
      <label className="field"><span>{t('scenarios:zone')}</span>
        <select className="select" name="zone_id" value={value.zone_id} onChange={(e) => set({ zone_id: e.target.value })}>
          <option value="">{t('scenarios:zoneNone')}</option>
          {(zones.data?.features ?? []).map((z) => {
            const p = z.properties ?? {}
            return <option key={String(z.id)} value={String(z.id)}>{String(lang === 'en' ? p.name_en ?? p.name_zh : p.name_zh)}</option>
          })}
        </select>
      </label>
      <label className="field"><span>{t('scenarios:note')}</span>
        <textarea name="note" rows={2} value={value.note} maxLength={SCENARIO_LIMITS.note} onChange={(e) => set({ note: e.target.value })} /></label>
      <p className="hint">{t('scenarios:createHint')}</p>
      <div className="actions">
        <button type="submit" className="primary-button" data-action="create-scenario" disabled={task.state.status === 'running'}>
          <Icon name="save" /> {t('scenarios:create')}
        </button>
      </div>
      {refusal && <Banner kind="warning">{refusal}</Banner>}
      {task.state.status === 'error' && <SaveError error={task.state.error} />}
    </form>
  )
}
