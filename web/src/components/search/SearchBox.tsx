import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LayerLoad } from '../../hooks/useParkData'
import { parseCoordinate, type CoordinateHit } from '../../lib/search/coordinates'
import { loadRomanizer } from '../../lib/search/romanizer'
import { buildSearchIndex, searchIndex, type Romanizer, type SearchEntry } from '../../lib/search/searchIndex'
import './SearchBox.css'

export type SearchChoice = { type: 'feature'; entry: SearchEntry } | { type: 'place'; place: CoordinateHit }

interface Props {
  layers: readonly LayerLoad[]
  /** The longitude the map looks at: the zone of a Gauss-Krüger easting typed without its zone prefix. */
  nearLongitude: () => number
  onChoose: (choice: SearchChoice) => void
}

type Option = { key: string; choice: SearchChoice; title: string; kind: string; detail: string | null }

/**
 * The header's search: an ARIA 1.2 combobox (an input with role="combobox" owning a listbox of
 * options) driven by the keyboard — ↓/↑ move, Enter chooses, Esc closes then clears. It searches
 * what the map holds for this visitor (lib/search/searchIndex.ts) and typed coordinates.
 */
export function SearchBox({ layers, nearLongitude, onChoose }: Props) {
  const { t } = useTranslation()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [romanizer, setRomanizer] = useState<Romanizer | null>(null)
  const [place, setPlace] = useState<CoordinateHit | null>(null)
  const input = useRef<HTMLInputElement>(null)

  // pinyin-pro's dictionary is large: fetched when the search is first used, not with the map.
  const wantRomanizer = () => {
    if (!romanizer) void loadRomanizer().then(setRomanizer)
  }
  const ready = useMemo(() => layers.flatMap((l) => (l.status === 'ready' ? [{ id: l.id, data: l.data }] : [])), [layers])
  const index = useMemo(() => (romanizer ? buildSearchIndex(ready, romanizer) : []), [ready, romanizer])

  useEffect(() => {
    let current = true
    void parseCoordinate(query, nearLongitude()).then((hit) => current && setPlace(hit))
    return () => {
      current = false
    }
  }, [query, nearLongitude])

  const options: Option[] = useMemo(() => {
    const found = searchIndex(index, query).map((entry): Option => ({
      key: `${entry.layer}:${entry.id}`,
      choice: { type: 'feature', entry },
      title: entry.name,
      kind: t(`mapTools.search.kind.${entry.kind}`),
      detail: entry.nameEn && entry.nameEn !== entry.name ? entry.nameEn : null,
    }))
    const at: Option[] = place ? [{ key: 'place', choice: { type: 'place', place }, title: t('mapTools.search.coordinate', { text: place.label }), kind: t(`mapTools.search.kind.${place.kind}`), detail: null }] : []
    return [...at, ...found]
  }, [index, query, place, t])

  useEffect(() => setActive(0), [query])
  const shown = open && query.trim() !== ''

  const choose = (option: Option | undefined) => {
    if (!option) return
    onChoose(option.choice)
    setQuery(option.choice.type === 'feature' ? option.title : option.choice.place.label)
    setOpen(false)
    input.current?.blur()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, options.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter') {
      if (shown) {
        event.preventDefault()
        choose(options[active])
      }
    } else if (event.key === 'Escape') {
      if (shown) setOpen(false)
      else setQuery('')
    }
  }

  const activeId = shown && options[active] ? `${listId}-${active}` : undefined
  return (
    <div className="search" role="search">
      <input ref={input} className="search__input" type="search" role="combobox" aria-label={t('mapTools.search.label')}
        aria-expanded={shown} aria-controls={listId} aria-autocomplete="list" aria-activedescendant={activeId}
        placeholder={t('mapTools.search.placeholder')} title={t('mapTools.search.hint')} value={query} autoComplete="off" spellCheck={false}
        onFocus={() => { wantRomanizer(); setOpen(true) }} onBlur={() => setOpen(false)}
        onChange={(e) => { setQuery(e.target.value); setOpen(true) }} onKeyDown={onKeyDown} />
      <ul id={listId} role="listbox" aria-label={t('mapTools.search.label')} className="search__list" hidden={!shown}>
        {shown && options.length === 0 && <li className="search__empty" role="presentation">{romanizer ? t('mapTools.search.none') : '…'}</li>}
        {shown && options.map((option, i) => (
          <li key={option.key} id={`${listId}-${i}`} role="option" aria-selected={i === active} className="search__option"
            onMouseDown={(e) => e.preventDefault()} onMouseEnter={() => setActive(i)} onClick={() => choose(option)}>
            <span className="search__title">{option.title}</span>
            <span className="search__kind">{option.kind}</span>
            {option.detail && <span className="search__detail">{option.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
