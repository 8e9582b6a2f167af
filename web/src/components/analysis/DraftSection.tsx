import type { MultiPolygon, Polygon, Position } from 'geojson'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../hooks/useTask'
import { createDraft, fetchDrafts, invalidLocation, updateDraft } from '../../lib/analysis/api'
import type { Draft } from '../../lib/analysis/types'
import { ApiError } from '../../lib/api'
import type { Language } from '../../lib/featureDetails'
import { AccessNotice, type AnalysisAccess } from './AccessNotice'
import { Banner } from './Banner'
import { DraftForm, draftFields, type DraftFormValue } from './DraftForm'
import { DraftHistory } from './DraftHistory'
import { Icon } from './Icon'
import { TaskError } from './TaskError'
import { useServerProblem } from './useServerProblem'

interface Props {
  access: AnalysisAccess
  /** The role may save drafts (the access table's PUT /api/zones/:id). */
  mayEdit: boolean
  role: string | undefined
  drafts: readonly Draft[]
  /** The draft being edited (its boundary is in the drawing), or null for a new one. */
  editing: Draft | null
  onEditingChange: (draft: Draft | null) => void
  /** Puts a saved boundary into the drawing tools. */
  onLoadBoundary: (geometry: Polygon | MultiPolygon) => void
  boundary: Polygon | null
  boundaryInvalid: boolean
  lang: Language
  onSaved: () => void
  onServerProblem: (place: Position | null) => void
}

const draftName = (d: Draft, lang: Language) => (lang === 'en' ? d.name_en || d.name_zh : d.name_zh || d.name_en)
const formOf = (d: Draft | null): DraftFormValue => ({ name_zh: d?.name_zh ?? '', name_en: d?.name_en ?? '', note: d?.note ?? '' })

/** The version a 409 names ("… is at version 4; reload …"). */
function currentVersionOf(error: unknown): number | null {
  const match = error instanceof ApiError ? /at version (\d+)/.exec(error.message) : null
  return match ? Number(match[1]) : null
}

/** What went wrong with a save: a newer version (409, with Reload), an invalid boundary (422), or else. */
function SaveError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation()
  if (error instanceof ApiError && error.status === 409) {
    return (
      <Banner kind="error" title={t('analysis.draft.conflict', { version: currentVersionOf(error) ?? '?' })}
        action={<button type="button" className="button" data-action="reload-draft" onClick={onReload}><Icon name="reload" /> {t('analysis.draft.reload')}</button>} />
    )
  }
  if (error instanceof ApiError && error.code === 'invalid_geometry') return <Banner kind="error">{t('analysis.draft.invalid', { reason: error.message })}</Banner>
  return <TaskError error={error} />
}

/** Step 4: save the boundary as a rezoning draft (new, or a new version with the version check), and its history. */
export function DraftSection(props: Props) {
  const { access, mayEdit, role, drafts, editing, onEditingChange, onLoadBoundary, boundary, boundaryInvalid, lang, onSaved, onServerProblem } = props
  const { t } = useTranslation()
  const [form, setForm] = useState<DraftFormValue>(() => formOf(editing))
  const [refusal, setRefusal] = useState<string | null>(null)
  const task = useTask<Draft>()
  const { state } = task

  // An opened (or newly saved, or reloaded) draft fills the form; "save as a new draft" keeps what is typed.
  useEffect(() => {
    if (editing) setForm(formOf(editing))
  }, [editing?.id, editing?.version])
  useEffect(() => setRefusal(null), [boundary])
  useServerProblem(state.status === 'error' ? invalidLocation(state.error) : null, onServerProblem)
  if (access !== 'allowed') return <AccessNotice access={access} role={role} compact />

  function open(id: string) {
    task.reset()
    const draft = drafts.find((d) => d.id === id) ?? null
    onEditingChange(draft)
    if (!draft) setForm(formOf(null))
    if (draft?.geometry) onLoadBoundary(draft.geometry)
  }

  async function save() {
    const fields = draftFields(form)
    const problem = !boundary ? t('analysis.draft.needBoundary') : boundaryInvalid ? t('analysis.draft.kinks')
      : !fields.name_zh || !fields.name_en ? t('analysis.draft.needNames') : null
    setRefusal(problem)
    if (problem || !boundary) return
    onServerProblem(null)
    const saved = await task.run(() => (editing ? updateDraft(editing.id, editing.version, { ...fields, geometry: boundary }) : createDraft(fields, boundary)))
    if (saved) {
      onEditingChange(saved)
      onSaved()
    }
  }

  /** After a 409: the draft as saved now, into the form and the drawing (undo gets the planner's back). */
  async function reload() {
    if (!editing) return
    const fresh = (await fetchDrafts()).find((d) => d.id === editing.id) ?? null
    task.reset()
    onEditingChange(fresh)
    if (fresh?.geometry) onLoadBoundary(fresh.geometry)
  }

  return (
    <div className="drafts">
      <label className="field">
        <span>{t('analysis.draft.open')}</span>
        <select className="select" name="draft" value={editing?.id ?? ''} onChange={(e) => open(e.target.value)}>
          <option value="">{t('analysis.draft.none')}</option>
          {drafts.map((d) => <option key={d.id} value={d.id}>{draftName(d, lang)} · v{d.version}</option>)}
        </select>
      </label>
      {editing && <p className="editing-note" data-draft={editing.id} data-version={editing.version}>{t('analysis.draft.editing', { name: draftName(editing, lang), version: editing.version })}</p>}
      {mayEdit
        ? <DraftForm value={form} onChange={setForm} onSubmit={() => void save()} editing={editing !== null} saving={state.status === 'running'} canSave={boundary !== null}
            onSaveAsNew={() => { task.reset(); onEditingChange(null) }} />
        : <Banner kind="info">{t('analysis.draft.plannerOnly', { role: role ? t(`auth.role.${role}`) : '' })}</Banner>}
      {refusal && <Banner kind="warning">{refusal}</Banner>}
      {state.status === 'done' && (
        <Banner kind="success">{state.value.version === 1 ? t('analysis.draft.created') : t('analysis.draft.saved', { version: state.value.version })}</Banner>
      )}
      {state.status === 'error' && <SaveError error={state.error} onReload={() => void reload()} />}
      {editing && <DraftHistory draftId={editing.id} version={editing.version} lang={lang} onRestore={onLoadBoundary} />}
    </div>
  )
}
