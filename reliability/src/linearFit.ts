/**
 * Least-squares line through the points, with the standard error of the slope (so a slope can be
 * told apart from noise: within about two standard errors of zero, it is noise).
 */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number; slopeError: number } {
  const n = points.length;
  if (n < 3) return { slope: 0, intercept: points[0]?.y ?? 0, slopeError: Infinity };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const residual = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  const slopeError = sxx === 0 ? Infinity : Math.sqrt(residual / (n - 2) / sxx);
  return { slope, intercept, slopeError };
}
