import { BrokenRule } from '../errors'
import type { CaseFile, CaseStep } from '../../web/src/shared/api/idle-cases'
import { formatMu, muToM2 } from '../../web/src/shared/units'

/**
 * The printable documents of a case, written from its recorded data: the 告知书 (notice of the
 * intended decision and the right to a hearing, 国土资源部令第53号 第十五条) and the 闲置土地认定书
 * (determination, 第九条; for low-efficiency land, 低效用地认定书). Plain HTML with print styles, so
 * the officer prints it from the browser; every value is escaped. A sample case's document says so.
 */
export const CASE_DOCUMENTS = ['notice', 'determination'] as const
export type CaseDocument = (typeof CASE_DOCUMENTS)[number]

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const cnDate = (d: string | null | undefined) => {
  if (!d) return '____年__月__日'
  const [y, m, day] = d.split('-')
  return `${y}年${Number(m)}月${Number(day)}日`
}

function page(title: string, body: string, sample: boolean): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  body { font-family: "SimSun", "Songti SC", serif; max-width: 42em; margin: 2em auto; line-height: 1.9; font-size: 16px; color: #000; }
  h1 { text-align: center; font-size: 24px; letter-spacing: .3em; }
  .no { text-align: right; }
  .sign { margin-top: 3em; text-align: right; }
  .sample { border: 2px solid #c00; color: #c00; padding: .3em .6em; text-align: center; }
  table { border-collapse: collapse; width: 100%; } td { border: 1px solid #000; padding: .2em .5em; }
  @media print { .noprint { display: none; } body { margin: 0 auto; } }
</style></head><body>
${sample ? '<p class="sample">示例文书（样例园区数据，非真实文书）</p>' : ''}
${body}
<p class="noprint"><button onclick="window.print()">打印</button></p>
</body></html>`
}

function lastStep(c: CaseFile, stage: CaseStep['stage']): CaseStep | undefined {
  return [...c.steps].reverse().find((s) => s.stage === stage)
}

/** The HTML of one document of the case; 409 when the case has not reached the step it records. */
export function caseDocument(c: CaseFile, which: CaseDocument): string {
  const facts = `<table>
<tr><td>土地使用权人</td><td>${esc(c.name_zh)}</td></tr>
<tr><td>宗地编号</td><td>${esc(c.parcel_id)}</td></tr>
<tr><td>所在片区</td><td>${esc(c.zone_id)}</td></tr>
<tr><td>面积</td><td>${esc(formatMu(muToM2(c.area_mu), 'zh-CN'))}</td></tr>
<tr><td>约定动工开发日期</td><td>${esc(cnDate(c.agreed_start_date))}</td></tr>
</table>`
  if (which === 'notice') {
    const s = lastStep(c, 'notice')
    if (!s) throw new BrokenRule('no_such_step', `case ${c.id} has no notice step (告知): it is ${c.category === 'idle' ? 'not there yet' : 'a low-efficiency case, which has none'}`, { stage: c.stage })
    const fee = c.fee_wan === null ? '' : `按出让价款的百分之二十征缴土地闲置费，计${esc(c.fee_wan)}万元；`
    return page(`告知书 ${s.doc_no}`, `<h1>告知书</h1>
<p class="no">${esc(s.doc_no)}</p>
<p>${esc(c.name_zh)}：</p>
<p>经调查核实，你单位位于${esc(c.zone_id)}的宗地（编号${esc(c.parcel_id)}）${esc(c.reason)}。</p>
${facts}
<p>依据《闲置土地处置办法》（国土资源部令第53号）第十四条、第十五条，本机关拟对该宗地作出处置决定（${fee}超过约定动工开发日期满两年未动工开发的，自${esc(cnDate(c.recovery_from))}起可无偿收回国有建设用地使用权）。</p>
<p>你单位有权申请听证。如要求举行听证，请于${esc(cnDate(s.hearing_deadline))}前向本机关书面提出；逾期未提出的，视为放弃听证。</p>
<p>${esc(s.note)}</p>
<p class="sign">${esc(s.by)}<br>${esc(cnDate(s.doc_date))}</p>`, s.is_sample)
  }
  const s = lastStep(c, 'determination')
  if (!s) throw new BrokenRule('no_such_step', `case ${c.id} has no determination step (认定) yet: it is at ${c.stage}`, { stage: c.stage })
  const title = c.category === 'idle' ? '闲置土地认定书' : '低效用地认定书'
  const basis = c.category === 'idle' ? '《闲置土地处置办法》（国土资源部令第53号）第二条、第九条' : '《关于深入推进城镇低效用地再开发的指导意见（试行）》（国土资发〔2016〕147号）'
  return page(`${title} ${s.doc_no}`, `<h1>${title}</h1>
<p class="no">${esc(s.doc_no)}</p>
<p>${esc(c.name_zh)}：</p>
<p>根据${basis}，经调查核实，现认定下列宗地为${c.category === 'idle' ? '闲置土地' : '低效用地'}：</p>
${facts}
<p>认定理由：${esc(c.reason)}</p>
<p>${esc(s.note)}</p>
<p class="sign">${esc(s.by)}<br>${esc(cnDate(s.doc_date))}</p>`, s.is_sample)
}
