/**
 * The sweep's plot as a hand-written SVG: time ratio (ours / SciPy) against the number of
 * points, log x axis, one series per class (a marker per point, with a tooltip; no lines:
 * with dozens of classes they would hide the points), a dashed line at 1.0 and a legend.
 */

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#393b79', '#637939'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3'];
const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * `series`: [{ name, points: [{ x, y, label }] }] (x > 0). Returns the SVG text. Ratios
 * above the y range are drawn at its top edge as open markers.
 */
export function sweepPlot(series, { title, xLabel }) {
  const legendRow = 14;
  const width = 1000;
  const plot = { left: 60, top: 40, right: 720, bottom: Math.max(460, 60 + legendRow * series.length) };
  const height = plot.bottom + 50;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xMin = 2 ** Math.floor(Math.log2(Math.min(8, ...xs)));
  const xMax = 2 ** Math.ceil(Math.log2(Math.max(2 ** 22, ...xs)));
  const yMax = Math.min(4, Math.max(1.5, Math.ceil(Math.max(0, ...ys) * 4) / 4));
  const px = (x) => plot.left + ((Math.log2(x) - Math.log2(xMin)) / (Math.log2(xMax) - Math.log2(xMin))) * (plot.right - plot.left);
  const py = (y) => plot.bottom - (Math.min(y, yMax) / yMax) * (plot.bottom - plot.top);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${plot.left}" y="22" font-size="14">${escapeXml(title)}</text>`,
  ];
  // grid: powers of 2 (every second labelled) and ratio steps of 0.25
  for (let e = Math.log2(xMin); e <= Math.log2(xMax); e++) {
    const x = px(2 ** e).toFixed(1);
    out.push(`<line x1="${x}" y1="${plot.top}" x2="${x}" y2="${plot.bottom}" stroke="#eee"/>`);
    if (e % 2 === 0) out.push(`<text x="${x}" y="${plot.bottom + 16}" text-anchor="middle">2^${e}</text>`);
  }
  for (let y = 0; y <= yMax + 1e-9; y += 0.25) {
    const yy = py(y).toFixed(1);
    out.push(`<line x1="${plot.left}" y1="${yy}" x2="${plot.right}" y2="${yy}" stroke="#eee"/>`);
    out.push(`<text x="${plot.left - 6}" y="${(+yy + 4).toFixed(1)}" text-anchor="end">${y.toFixed(2)}</text>`);
  }
  out.push(`<line x1="${plot.left}" y1="${py(1).toFixed(1)}" x2="${plot.right}" y2="${py(1).toFixed(1)}" stroke="black" stroke-dasharray="5 4"/>`);
  out.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 34}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  out.push(
    `<text transform="translate(18 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">time ours / SciPy (below 1: ours faster)</text>`,
  );
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const dash = DASHES[Math.floor(i / PALETTE.length) % DASHES.length];
    const pts = [...s.points].filter((p) => p.y != null).sort((a, b) => a.x - b.x);
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
    out.push(`<g><title>${escapeXml(s.name)}</title>`);
    for (const p of pts) {
      const clipped = p.y > yMax;
      out.push(
        `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="2.5" fill="${clipped ? 'white' : color}" stroke="${color}"><title>${escapeXml(`${p.label}: ${p.y.toFixed(2)}`)}</title></circle>`,
      );
    }
    out.push('</g>');
    const ly = plot.top + 4 + i * legendRow;
    out.push(`<line x1="${plot.right + 14}" y1="${ly}" x2="${plot.right + 40}" y2="${ly}" stroke="${color}" stroke-width="2"${dashAttr}/>`);
    out.push(`<circle cx="${plot.right + 27}" cy="${ly}" r="2.5" fill="${color}"/>`);
    out.push(`<text x="${plot.right + 46}" y="${ly + 4}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
