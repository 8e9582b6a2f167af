import { describe, expect, it } from 'vitest'
import { differsBeyondCamera, EMPTY_VIEW, formatView, parseView } from './viewState'

describe('the view in the URL fragment', () => {
  it('round-trips every part', () => {
    const view = {
      camera: { lng: 115.40123, lat: 28.70456, zoom: 15.2 },
      off: ['utilities' as const, 'basemap' as const],
      selected: { layer: 'parcels' as const, id: 'HX-001' },
      tab: 'analysis',
      theme: { kind: 'figure' as const, figure: 'tax_per_mu' as const, method: 'quantile' as const },
    }
    const hash = formatView(view)
    expect(hash).toBe('#map=15.20/28.70456/115.40123&off=utilities,basemap&sel=parcels:HX-001&tab=analysis&theme=tax_per_mu.quantile')
    expect(parseView(hash)).toEqual({ ...view, off: ['utilities', 'basemap'] })
  })

  it('leaves the defaults out: the usual map is an empty fragment', () => {
    expect(formatView(EMPTY_VIEW)).toBe('')
    expect(parseView('')).toEqual(EMPTY_VIEW)
    expect(parseView('#theme=grade').theme).toEqual({ kind: 'grade' })
  })

  it('ignores what it cannot read instead of failing', () => {
    const view = parseView('#map=99/1/2&off=nope,zones&sel=secret:1&tab=<script>&theme=evil.natural')
    expect(view).toEqual({ ...EMPTY_VIEW, off: ['zones'] })
    expect(parseView('#map=15/28.7').camera).toBeNull()
    expect(parseView('#map=15/abc/115').camera).toBeNull()
    expect(parseView('#sel=parcels:').selected).toBeNull()
  })

  it('keeps ids with reserved characters intact', () => {
    const hash = formatView({ ...EMPTY_VIEW, selected: { layer: 'enterprises', id: 'a&b=c:d' } })
    expect(parseView(hash).selected).toEqual({ layer: 'enterprises', id: 'a&b=c:d' })
  })

  it('tells a camera move from a change of what is shown', () => {
    const a = parseView('#map=15/28.7/115.4&tab=layers')
    expect(differsBeyondCamera(a, parseView('#map=16/28.8/115.5&tab=layers'))).toBe(false)
    expect(differsBeyondCamera(a, parseView('#map=15/28.7/115.4&tab=analysis'))).toBe(true)
  })
})
