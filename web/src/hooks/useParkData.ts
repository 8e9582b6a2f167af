import { useCallback, useEffect, useState } from 'react'
import { ApiError, fetchLayerFeatures, fetchLayers } from '../lib/api'
import { FEATURE_LIMIT, type LayerInfo, type ParkFeatureCollection } from '../shared/api/layers'
import { isLayerId } from '../lib/layers'
import { type LayerId } from '../shared/park-vocabulary'

export type LayerLoad =
  | { id: LayerId; info: LayerInfo; status: 'loading' }
  | { id: LayerId; info: LayerInfo; status: 'ready'; data: ParkFeatureCollection }
  | { id: LayerId; info: LayerInfo; status: 'error'; error: ApiError }

export interface ParkData {
  /** `error` only when the layer list itself failed; a single layer's failure is in its entry. */
  phase: 'loading' | 'ready' | 'error'
  error: ApiError | null
  layers: LayerLoad[]
  retry: () => void
}

const EMPTY: ParkFeatureCollection = { type: 'FeatureCollection', features: [] }

function asApiError(cause: unknown, path: string): ApiError {
  return cause instanceof ApiError ? cause : new ApiError('client', cause instanceof Error ? cause.message : String(cause), null, path)
}

/**
 * Loads the layer list, then every known layer's features in one request each (the park is small:
 * a few thousand features at most). Layers the client has no style for are ignored.
 */
export function useParkData(): ParkData {
  const [attempt, setAttempt] = useState(0)
  const [phase, setPhase] = useState<ParkData['phase']>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [layers, setLayers] = useState<LayerLoad[]>([])

  useEffect(() => {
    const abort = new AbortController()
    const { signal } = abort
    const update = (id: LayerId, next: LayerLoad) => setLayers((all) => all.map((l) => (l.id === id ? next : l)))
    setPhase('loading')
    setError(null)
    setLayers([])

    fetchLayers(signal)
      .then((infos) => {
        if (signal.aborted) return
        const known = infos.flatMap((info) => (isLayerId(info.id) ? [{ id: info.id, info, status: 'loading' as const }] : []))
        setLayers(known)
        setPhase('ready')
        for (const { id, info } of known) {
          if (info.count === 0) {
            update(id, { id, info, status: 'ready', data: EMPTY })
            continue
          }
          fetchLayerFeatures(id, { limit: Math.min(info.count, FEATURE_LIMIT.max), signal })
            .then((data) => !signal.aborted && update(id, { id, info, status: 'ready', data }))
            .catch((cause: unknown) => !signal.aborted && update(id, { id, info, status: 'error', error: asApiError(cause, id) }))
        }
      })
      .catch((cause: unknown) => {
        if (signal.aborted) return
        setError(asApiError(cause, '/api/layers'))
        setPhase('error')
      })
    return () => abort.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { phase, error, layers, retry }
}
