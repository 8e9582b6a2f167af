import { useTranslation } from 'react-i18next'
import { useSession } from '../hooks/useSession'
import { audienceOf } from '../shared/access-policy'
import { legendEntries } from '../lib/legend'
import { type LayerId } from '../shared/park-vocabulary'
import { Swatch } from './Swatch'

/** The symbology of one layer: a swatch and a translated label per class. */
export function Legend({ layer }: { layer: LayerId }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const entries = legendEntries(layer, audienceOf(user?.role))
  // Long legends go in two columns so the parcel statuses stay in view without scrolling.
  return (
    <ul className={`legend${entries.length > 4 ? ' legend--columns' : ''}`}>
      {entries.map((entry) => (
        <li key={entry.labelKey} className="legend__entry">
          <Swatch swatch={entry.swatch} />
          <span>{t(entry.labelKey)}</span>
        </li>
      ))}
    </ul>
  )
}
