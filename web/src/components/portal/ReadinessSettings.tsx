import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../lib/api'
import type { Language } from '../../lib/featureDetails'
import { fetchReadinessConfig, saveReadinessThresholds } from '../../lib/portal/api'
import type { ReadinessConfig } from '../../shared/api/portal'
import { NETWORK_ITEMS, THRESHOLD_RANGE_M, type ReadinessThresholds } from '../../shared/readiness'

/**
 * 七通一平就绪距离 (admins): how near an existing network must be for each item to count as ready.
 * Saved whole at the version read; a colleague's change in between is a 409, shown, and read again.
 */
export function ReadinessSettings({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [config, setConfig] = useState<ReadinessConfig | null>(null)
  const [draft, setDraft] = useState<Record<string, string>>({})
  const [state, setState] = useState<'editing' | 'saving' | 'saved' | { failed: string }>('editing')
  const [opened, setOpened] = useState(false)
  if (active && !opened) setOpened(true)

  const load = () => {
    if (!opened) return
    const abort = new AbortController()
    fetchReadinessConfig(abort.signal)
      .then((c) => {
        setConfig(c)
        setDraft(Object.fromEntries(NETWORK_ITEMS.map((i) => [i, String(c.thresholds[i])])))
      })
      .catch((cause: unknown) => !abort.signal.aborted && setState({ failed: cause instanceof Error ? cause.message : String(cause) }))
    return () => abort.abort()
  }
  useEffect(load, [opened])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!config) return
    setState('saving')
    try {
      const thresholds = Object.fromEntries(NETWORK_ITEMS.map((i) => [i, Number(draft[i])])) as ReadinessThresholds
      const saved = await saveReadinessThresholds({ thresholds, version: config.version })
      setConfig(saved)
      setState('saved')
    } catch (cause) {
      const stale = cause instanceof ApiError && cause.status === 409
      setState({ failed: stale ? t('sheet.thresholds.stale') : t('sheet.thresholds.failed', { message: cause instanceof Error ? cause.message : String(cause) }) })
      if (stale) load()
    }
  }

  return (
    <form className="readiness-settings" onSubmit={(e) => void submit(e)} aria-labelledby="readiness-settings-title">
      <h3 id="readiness-settings-title">{t('sheet.thresholds.title')}</h3>
      <p className="note">{t('sheet.thresholds.intro')}</p>
      {!config && state === 'editing' && <p className="note">{t('sheet.thresholds.loading')}</p>}
      {config && (
        <>
          <div className="readiness-settings__grid">
            {NETWORK_ITEMS.map((item) => (
              <label key={item}>{t('sheet.thresholds.metres', { item: t(`offer.item.${item}`) })}
                <input type="number" required min={THRESHOLD_RANGE_M.min} max={THRESHOLD_RANGE_M.max} step="any" inputMode="decimal" value={draft[item] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value
                    setDraft((d) => ({ ...d, [item]: value }))
                    setState('editing')
                  }} />
              </label>
            ))}
          </div>
          <p className="note">{t('sheet.thresholds.by', { who: config.updated_by, when: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(config.updated_at)) })}</p>
          <button type="submit" className="primary-button" disabled={state === 'saving'}>{state === 'saving' ? t('sheet.thresholds.saving') : t('sheet.thresholds.save')}</button>
        </>
      )}
      {state === 'saved' && config && <p className="form-ok" role="status">{t('sheet.thresholds.saved', { version: config.version })}</p>}
      {typeof state === 'object' && <p className="form-error" role="alert">{state.failed}</p>}
    </form>
  )
}
