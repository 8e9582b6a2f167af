import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useVersionedSave } from '../../hooks/useVersionedSave'
import type { Language } from '../../lib/featureDetails'
import { fetchReadinessConfig, saveReadinessThresholds } from '../../lib/portal/api'
import type { ReadinessConfig } from '../../shared/api/portal'
import { NETWORK_ITEMS, THRESHOLD_RANGE_M, type ReadinessThresholds } from '../../shared/readiness'
import { addPanelStrings } from '../../i18n/panelStrings'
import { offerZhCN } from '../../i18n/offer.zh-CN'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('offer', offerZhCN)
addPanelStrings('sheet', sheetZhCN)

/**
 * 七通一平就绪距离 (admins): how near an existing network must be for each item to count as ready.
 * Saved whole at the version read; a colleague's change in between is a 409, shown, and read again.
 */
export function ReadinessSettings({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [config, setConfig] = useState<ReadinessConfig | null>(null)
  const [draft, setDraft] = useState<Record<string, string>>({})
  const [loadError, setLoadError] = useState<string | null>(null)
  const [opened, setOpened] = useState(false)
  if (active && !opened) setOpened(true)

  const load = useCallback(() => {
    if (!opened) return
    const abort = new AbortController()
    fetchReadinessConfig(abort.signal)
      .then((c) => {
        setConfig(c)
        setDraft(Object.fromEntries(NETWORK_ITEMS.map((i) => [i, String(c.thresholds[i])])))
      })
      .catch((cause: unknown) => !abort.signal.aborted && setLoadError(cause instanceof Error ? cause.message : String(cause)))
    return () => abort.abort()
  }, [opened])
  useEffect(load, [load])
  const saving = useVersionedSave(load)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!config) return
    const thresholds = Object.fromEntries(NETWORK_ITEMS.map((i) => [i, Number(draft[i])])) as ReadinessThresholds
    await saving.save(async () => setConfig(await saveReadinessThresholds({ thresholds, version: config.version })))
  }
  const busy = saving.state.status === 'running'
  const failed = loadError ?? (saving.failure && (saving.failure.stale ? t('sheet.thresholds.stale') : t('sheet.thresholds.failed', { message: saving.failure.message })))

  return (
    <form className="readiness-settings" onSubmit={(e) => void submit(e)} aria-labelledby="readiness-settings-title">
      <h3 id="readiness-settings-title">{t('sheet.thresholds.title')}</h3>
      <p className="note">{t('sheet.thresholds.intro')}</p>
      {!config && !failed && <p className="note">{t('sheet.thresholds.loading')}</p>}
      {config && (
        <>
          <div className="readiness-settings__grid">
            {NETWORK_ITEMS.map((item) => (
              <label key={item}>{t('sheet.thresholds.metres', { item: t(`offer.item.${item}`) })}
                <input type="number" required min={THRESHOLD_RANGE_M.min} max={THRESHOLD_RANGE_M.max} step="any" inputMode="decimal" value={draft[item] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value
                    setDraft((d) => ({ ...d, [item]: value }))
                    saving.reset()
                  }} />
              </label>
            ))}
          </div>
          <p className="note">{t('sheet.thresholds.by', { who: config.updated_by, when: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(config.updated_at)) })}</p>
          <button type="submit" className="primary-button" disabled={busy}>{busy ? t('sheet.thresholds.saving') : t('sheet.thresholds.save')}</button>
        </>
      )}
      {saving.state.status === 'done' && config && <p className="form-ok" role="status">{t('sheet.thresholds.saved', { version: config.version })}</p>}
      {failed && <p className="form-error" role="alert">{failed}</p>}
    </form>
  )
}
