import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import { NotFound } from '../errors'
import type {
  ScenarioComment, ScenarioDetail, ScenarioList, ScenarioSummary, ScenarioVersion, ScenarioVersionSummary,
} from '../../web/src/shared/api/scenarios'

export const Q = namedSql(new URL('./sql/scenarios.sql', import.meta.url), [
  'list', 'one', 'versions', 'version', 'comments', 'comment', 'zone-boundary', 'insert-scenario', 'insert-version', 'bump',
  'submit', 'decide', 'version-ewkb', 'insert-zone', 'set-zone', 'insert-comment', 'resolve-comment',
])

type Db = pg.Pool | pg.PoolClient

/** Every scenario, the latest changed first, with its latest version's review state. */
export async function listScenarios(db: Db): Promise<ScenarioList> {
  const { rows } = await db.query<ScenarioSummary>(Q.list)
  return { items: rows }
}

/** One scenario with its versions (without geometry) and comments; NotFound (404) when unknown. */
export async function scenarioDetail(db: Db, id: string): Promise<ScenarioDetail> {
  const { rows } = await db.query<ScenarioSummary>(Q.one, [id])
  if (!rows[0]) throw new NotFound(`no scenario "${id}"`)
  const versions = await db.query<ScenarioVersionSummary>(Q.versions, [id])
  const comments = await db.query<ScenarioComment>(Q.comments, [id])
  return { ...rows[0], versions: versions.rows, comments: comments.rows }
}

/** One version with its geometry; NotFound (404) when the scenario or the version is unknown. */
export async function scenarioVersion(db: Db, id: string, n: number): Promise<ScenarioVersion> {
  const { rows } = await db.query<ScenarioVersion>(Q.version, [id, n])
  if (!rows[0]) throw new NotFound(`scenario "${id}" has no version ${n}`)
  return rows[0]
}

/** One comment; NotFound (404) when the scenario has none of that id. */
export async function scenarioComment(db: Db, id: string, commentId: number): Promise<ScenarioComment> {
  const { rows } = await db.query<ScenarioComment>(Q.comment, [id, commentId])
  if (!rows[0]) throw new NotFound(`scenario "${id}" has no comment ${commentId}`)
  return rows[0]
}
