import { useCallback } from 'react'
import { ApiError } from '../lib/api'
import { useTask, type TaskState } from './useTask'

/** Why the last save failed: `stale` when a colleague saved in between (409), else the server's words. */
export interface SaveFailure {
  stale: boolean
  message: string
}

export interface VersionedSave {
  state: TaskState<void>
  /** Runs the save; resolves true when it went through. A 409 also calls `onStale` (read the record again). */
  save: (work: () => Promise<void>) => Promise<boolean>
  failure: SaveFailure | null
  reset: () => void
}

const isStale = (cause: unknown): boolean => cause instanceof ApiError && cause.status === 409

/**
 * Saving a record at the version it was read at, as the portal's forms do (planning conditions,
 * readiness distances, an inquiry's answer): useTask's progress, and one way to meet a refusal —
 * a 409 means someone saved in between, so the record is read again and the form says so; any
 * other failure is shown in the server's words.
 */
export function useVersionedSave(onStale: () => void): VersionedSave {
  const task = useTask<void>()
  const { run, reset } = task
  const save = useCallback(
    async (work: () => Promise<void>) => {
      let ok = false
      await run(async () => {
        try {
          await work()
          ok = true
        } catch (cause) {
          if (isStale(cause)) onStale()
          throw cause
        }
      })
      return ok
    },
    [run, onStale],
  )
  const error = task.state.status === 'error' ? task.state.error : null
  const failure = error === null ? null : { stale: isStale(error), message: error instanceof Error ? error.message : String(error) }
  return { state: task.state, save, failure, reset }
}
