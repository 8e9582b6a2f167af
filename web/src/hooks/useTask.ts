import { useCallback, useRef, useState } from 'react'

export type TaskState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: unknown }

export interface Task<T> {
  state: TaskState<T>
  /** Runs the work; an answer overtaken by a newer run (or a reset) is dropped. Resolves to the value, or undefined. */
  run: (work: () => Promise<T>) => Promise<T | undefined>
  reset: () => void
}

/** One user-started request at a time (run an analysis, save a draft): its progress, answer or error. */
export function useTask<T>(): Task<T> {
  const [state, setState] = useState<TaskState<T>>({ status: 'idle' })
  const latest = useRef(0)

  const run = useCallback(async (work: () => Promise<T>) => {
    const ticket = ++latest.current
    setState({ status: 'running' })
    try {
      const value = await work()
      if (ticket === latest.current) setState({ status: 'done', value })
      return ticket === latest.current ? value : undefined
    } catch (error) {
      if (ticket === latest.current) setState({ status: 'error', error })
      return undefined
    }
  }, [])

  const reset = useCallback(() => {
    latest.current++
    setState({ status: 'idle' })
  }, [])

  return { state, run, reset }
}
