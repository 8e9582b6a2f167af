import type { AuditRecord, HistoryAnswer } from '../../shared/api/audit'
import type { Attachment, AttachmentUpload, CaseFile, FlagRequest, RegisterAnswer, TransitionRequest, WatchAnswer } from '../../shared/api/idle-cases'
import { IDLE_END_STAGES } from '../../shared/park-vocabulary'
import { getJson, sendJson } from '../api'

function isCase(body: unknown): body is CaseFile {
  const c = body as CaseFile
  return typeof body === 'object' && body !== null && typeof c.id === 'string' && typeof c.version === 'number' && Array.isArray(c.steps)
}

function isRegister(body: unknown): body is RegisterAnswer {
  return typeof body === 'object' && body !== null && Array.isArray((body as RegisterAnswer).items) && typeof (body as RegisterAnswer).summary === 'object'
}

function isAttachment(body: unknown): body is Attachment {
  return typeof body === 'object' && body !== null && typeof (body as Attachment).id === 'string'
}

function isHistory(body: unknown): body is HistoryAnswer {
  return typeof body === 'object' && body !== null && Array.isArray((body as { history: unknown }).history)
}

const casePath = (id: string) => `/api/idle-plots/${encodeURIComponent(id)}`
const isEnded = (stage: string) => (IDLE_END_STAGES as readonly string[]).includes(stage)

/** The register of every case (GET /api/idle-plots), with its totals. */
export function fetchRegister(query = '', signal?: AbortSignal): Promise<RegisterAnswer> {
  return getJson(`/api/idle-plots${query ? `?${query}` : ''}`, isRegister, signal)
}

/** One case file with its steps and the moves it may make next. */
export function fetchCaseFile(id: string, signal?: AbortSignal): Promise<CaseFile> {
  return getJson(casePath(id), isCase, signal)
}

/**
 * The parcel's case files, the open one first, then the ended ones newest first — read fresh (a
 * write must name the version the officer saw).
 */
export async function fetchParcelCases(parcelId: string, signal?: AbortSignal): Promise<CaseFile[]> {
  const register = await fetchRegister('', signal)
  const mine = register.items
    .filter((i) => i.parcel_id === parcelId)
    .sort((a, b) => Number(isEnded(a.stage)) - Number(isEnded(b.stage)) || b.opened_at.localeCompare(a.opened_at))
  const files: CaseFile[] = []
  for (const item of mine) files.push(await fetchCaseFile(item.id, signal))
  return files
}

/** Flags a parcel: opens a case at investigation (the server records who from the session); 409 when one is open. */
export function flagParcel(input: FlagRequest): Promise<CaseFile> {
  return sendJson('POST', '/api/idle-plots', input, isCase)
}

/** One step on, at the version the officer saw: 409 when someone moved it in between, 422 naming what is missing. */
export function transitionCase(id: string, version: number, step: TransitionRequest): Promise<CaseFile> {
  return sendJson('POST', `${casePath(id)}/transitions`, step, isCase, { 'If-Match': `"${version}"` })
}

/** The file as base64, as the upload route takes it. */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Evidence on a step: the server checks its type by its first bytes and its size. */
export async function uploadAttachment(caseId: string, seq: number, file: File): Promise<Attachment> {
  const body: AttachmentUpload = { file_name: file.name.replace(/[/\\]/g, '_').slice(0, 200) || 'file', content_base64: await base64Of(file) }
  return sendJson('POST', `${casePath(caseId)}/steps/${seq}/attachments`, body, isAttachment)
}

/** Where an attachment downloads (and an image's thumbnail loads) from. */
export function attachmentUrl(caseId: string, attachmentId: string): string {
  return `${casePath(caseId)}/attachments/${encodeURIComponent(attachmentId)}`
}

/** The printable notice (告知书) or determination (认定书) of a case. */
export function documentUrl(caseId: string, which: 'notice' | 'determination'): string {
  return `${casePath(caseId)}/documents/${which}`
}

/** Every saved version of a case or a parcel, oldest first. */
export async function fetchHistory(entity: 'idle-plots' | 'parcels', id: string, signal?: AbortSignal): Promise<AuditRecord[]> {
  return (await getJson(`/api/${entity}/${encodeURIComponent(id)}/history`, isHistory, signal)).history
}

function isWatch(body: unknown): body is WatchAnswer {
  return typeof body === 'object' && body !== null && Array.isArray((body as WatchAnswer).overdue_dates)
}

/** Parcels to watch: past a contract date (动态巡查) and low-efficiency candidates. */
export function fetchWatch(signal?: AbortSignal): Promise<WatchAnswer> {
  return getJson('/api/idle-watch', isWatch, signal)
}
