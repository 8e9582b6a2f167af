/**
 * terra-draw refuses coordinates with more decimals than its adapter keeps (9: ~0.1 mm). Apart
 * from terraDraw.ts so the drawing adapter can round without loading terra-draw.
 */
export const PRECISION = 9
