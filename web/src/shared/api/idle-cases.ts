/**
 * The idle-land case file on the wire: GET /api/idle-plots (the register), GET /api/idle-plots/:id
 * (one case with its steps), POST /api/idle-plots (flag: opens at investigation),
 * POST /api/idle-plots/:id/transitions (one step on), attachments on a step, and GET /api/idle-watch
 * (parcels to watch). Terms: park-vocabulary.ts (IDLE_STAGES, allowedNextStages); deadlines and the
 * fee: ../idle-deadlines.ts.
 */
import type { IdleCategory, IdleDisposal, IdleStage, ParcelStatus } from '../park-vocabulary'

/** A step's own fields (beside who, when and the note), each a column of idle_case_steps. */
export const STEP_FIELD_NAMES = [
  'holder_statement', 'doc_no', 'doc_date', 'hearing_deadline', 'disposal', 'due_date',
  'successor_zh', 'successor_en', 'successor_start_date', 'closed_reason',
] as const
export type StepFieldName = (typeof STEP_FIELD_NAMES)[number]
/** The fields that are calendar dates (YYYY-MM-DD). */
export const STEP_DATE_FIELDS = ['doc_date', 'hearing_deadline', 'due_date', 'successor_start_date'] as const satisfies readonly StepFieldName[]

/**
 * Which fields each step takes, and which of them it must have. `note` is required on every step.
 * notice: 告知书 number, its date and the last day to ask for a hearing (53号令 第十五条);
 * determination: the 闲置土地认定书 (or low-efficiency determination) number and date;
 * disposal_plan: the chosen disposal and the date by which it is to be carried out;
 * implementing: the date by which it is to be done (a decision's number and date if any);
 * revitalised: who takes the land over and when they start; closed: why.
 */
export const STEP_FIELDS: Record<IdleStage, { required: readonly StepFieldName[]; optional: readonly StepFieldName[] }> = {
  investigation: { required: [], optional: ['holder_statement', 'doc_no', 'doc_date'] },
  notice: { required: ['doc_no', 'doc_date', 'hearing_deadline'], optional: [] },
  determination: { required: ['doc_no', 'doc_date'], optional: [] },
  disposal_plan: { required: ['disposal', 'due_date'], optional: ['doc_no', 'doc_date'] },
  implementing: { required: ['due_date'], optional: ['doc_no', 'doc_date'] },
  revitalised: { required: ['successor_zh', 'successor_start_date'], optional: ['successor_en', 'doc_no', 'doc_date'] },
  closed: { required: ['closed_reason'], optional: [] },
}

/** Disposals 53号令 gives for idle land only: a low-efficiency case cannot choose them. */
export const IDLE_ONLY_DISPOSALS = ['idle_fee', 'recovery_without_compensation'] as const satisfies readonly IdleDisposal[]

export interface StepFields {
  holder_statement?: string | null
  doc_no?: string | null
  doc_date?: string | null
  hearing_deadline?: string | null
  disposal?: IdleDisposal | null
  due_date?: string | null
  successor_zh?: string | null
  successor_en?: string | null
  successor_start_date?: string | null
  closed_reason?: string | null
}

/** POST /api/idle-plots/:id/transitions, with If-Match: the case's version. */
export interface TransitionRequest extends StepFields {
  to: IdleStage
  note?: string
  /** The day the step took place (default today); never in the future nor before the last step. */
  happened_on?: string
}

/** POST /api/idle-plots: opens a case at investigation. */
export interface FlagRequest {
  parcel_id: string
  category: IdleCategory
  /** Why the plot is flagged: the case's reason, never overwritten. */
  reason: string
  /** The contract's agreed start date; the parcel's when not given. */
  agreed_start_date?: string | null
  holder_statement?: string | null
  doc_no?: string | null
  doc_date?: string | null
}

/** Evidence on a step: photos (JPEG, PNG, WebP) and PDFs, checked by their first bytes. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]
/** The largest attachment the server keeps (bytes). */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024
/** A file name as it is shown and downloaded: no path, no control characters. */
export const ATTACHMENT_NAME_PATTERN = '^[^/\\\\\\u0000-\\u001f\\u007f]{1,200}$'

export interface Attachment {
  id: string
  file_name: string
  media_type: AttachmentType
  size: number
  uploaded_by: string
  uploaded_at: string
}

export interface CaseStep extends Required<StepFields> {
  seq: number
  stage: IdleStage
  happened_on: string
  recorded_at: string
  by: string
  note: string
  /** an invented step of the sample park */
  is_sample: boolean
  attachments: Attachment[]
}

/** Deadlines and the 53号令 figures, computed from the recorded dates (../idle-deadlines.ts). */
export interface CaseDeadlines {
  next_due: string | null
  overdue: boolean
  /** idle land: the first day the fee is due and the first day of recovery without compensation */
  idle_from: string | null
  recovery_from: string | null
  /** 20 % of the land price, in 万元, when the price is known */
  fee_wan: number | null
}

/** What the register and the case file both say of a case. */
export interface CaseSummary extends CaseDeadlines {
  id: string
  parcel_id: string
  name_zh: string
  name_en: string
  category: IdleCategory
  stage: IdleStage
  disposal: IdleDisposal | null
  zone_id: string
  area_mu: number
  opened_at: string
  successor_zh: string | null
  version: number
}

/** GET /api/idle-plots/:id, and the answer of every write on a case (ETag: its version). */
export interface CaseFile extends CaseSummary {
  reason: string
  agreed_start_date: string | null
  opened_by: string
  successor_en: string | null
  price_wan_per_mu: number | null
  parcel_status: ParcelStatus
  updated_at: string
  steps: CaseStep[]
  allowed_next: IdleStage[]
}

/** One row of the register. */
export interface RegisterItem extends CaseSummary {
  last_step_on: string
}

export interface CountAndMu {
  count: number
  mu: number
}

/** GET /api/idle-plots: overdue cases first, then by stage and opening date. */
export interface RegisterAnswer {
  items: RegisterItem[]
  summary: {
    by_stage: Record<IdleStage, CountAndMu>
    by_category: Record<IdleCategory, CountAndMu>
    /** the mu of the cases revitalised in the current calendar year */
    revitalised_this_year_mu: number
    /** how many open cases are past their next deadline */
    overdue: number
    /** the day the figures are for */
    today: string
  }
}

/** The register's filters (query string), each optional. */
export interface RegisterFilters {
  stage?: IdleStage
  category?: IdleCategory
  zone?: string
}

/** A parcel's land-grant contract dates (出让合同) and what actually happened. */
export const CONTRACT_DATES = [
  ['agreed_start_on', 'actual_start_on'],
  ['agreed_completion_on', 'actual_completion_on'],
] as const

/** GET /api/idle-watch: 动态巡查 and the low-efficiency candidates; parcels with an open case are left out. */
export interface WatchAnswer {
  /** past an agreed date (start or completion) without the matching actual date */
  overdue_dates: {
    parcel_id: string
    name_zh: string | null
    zone_id: string
    area_mu: number
    which: 'start' | 'completion'
    agreed_on: string
    days_late: number
    agreed_start_on: string | null
  }[]
  /** grade D in the latest per-mu evaluation, or below the contract's investment intensity or plot ratio */
  low_efficiency: {
    parcel_id: string
    name_zh: string | null
    zone_id: string
    area_mu: number
    reasons: ('grade_d' | 'investment_intensity' | 'plot_ratio')[]
  }[]
  today: string
}

/** POST /api/idle-plots/:id/steps/:seq/attachments: the file as base64 in JSON (type from its bytes). */
export interface AttachmentUpload {
  file_name: string
  content_base64: string
}
/** The upload's body limit: base64 of the largest attachment, and room for the name. */
export const ATTACHMENT_BODY_LIMIT = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4096
