/**
 * The radar chart of the PDF report, drawn with pdfkit vector paths (pdfkit cannot place SVG): rings at
 * 20/40/60/80/100, one axis per dimension, the peer median dashed, the firm's scores filled.
 * Expects the fonts 'kr' to be registered on the document.
 */
export const BLUE = '#1d56bc';
export const ORANGE = '#e07a10';
export const INK = '#1e2124';
export const GRAY = '#6d7882';
export const LINE = '#d6dbe0';

const f1 = (x: number | null) => (x === null ? '–' : x.toFixed(1));

/** Radar chart: rings at 20/40/60/80/100, one axis per dimension, peer median dashed, firm filled. */
export function radar(
  doc: PDFKit.PDFDocument,
  cx: number,
  cy: number,
  radius: number,
  axes: { label: string; score: number | null; median: number | null }[],
  legend: { firm: string; peers: string },
) {
  const k = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / k;
  const point = (i: number, v: number): [number, number] => [
    cx + Math.cos(angle(i)) * radius * (Math.max(0, Math.min(100, v)) / 100),
    cy + Math.sin(angle(i)) * radius * (Math.max(0, Math.min(100, v)) / 100),
  ];
  doc.save().lineWidth(0.6).strokeColor(LINE);
  for (const ring of [20, 40, 60, 80, 100]) {
    doc.polygon(...axes.map((_, i) => point(i, ring))).stroke();
  }
  for (let i = 0; i < k; i++) {
    const [x, y] = point(i, 100);
    doc.moveTo(cx, cy).lineTo(x, y).stroke();
  }
  doc.font('kr').fontSize(6).fillColor(GRAY);
  for (const ring of [20, 40, 60, 80])
    doc.text(String(ring), cx + 2, cy - (radius * ring) / 100 - 7, { lineBreak: false });
  doc.restore();

  const medians = axes.map((a, i) => point(i, a.median ?? 0));
  if (axes.some((a) => a.median !== null)) {
    doc
      .save()
      .lineWidth(1.4)
      .strokeColor(ORANGE)
      .dash(4, { space: 3 })
      .polygon(...medians)
      .stroke()
      .undash()
      .restore();
  }
  const firm = axes.map((a, i) => point(i, a.score ?? 0));
  doc
    .save()
    .lineWidth(1.8)
    .fillColor(BLUE)
    .fillOpacity(0.22)
    .strokeColor(BLUE)
    .polygon(...firm)
    .fillAndStroke()
    .restore();
  doc.save().fillColor(BLUE);
  for (const [x, y] of firm) doc.circle(x, y, 2.2).fill();
  doc.restore();

  doc.font('kr').fontSize(8.5).fillColor(INK);
  axes.forEach((a, i) => {
    const [x, y] = point(i, 118);
    const text = `${a.label} ${f1(a.score)}`;
    const w = doc.widthOfString(text);
    const cos = Math.cos(angle(i));
    const tx = Math.abs(cos) < 0.2 ? x - w / 2 : cos > 0 ? x - 4 : x - w + 4;
    doc.text(text, tx, y - 5, { lineBreak: false });
  });

  // legend
  const ly = cy + radius + 22;
  doc.save().lineWidth(1.8).strokeColor(BLUE).fillColor(BLUE).fillOpacity(0.22);
  doc
    .rect(cx - 92, ly, 14, 8)
    .fillAndStroke()
    .restore();
  doc
    .font('kr')
    .fontSize(8)
    .fillColor(INK)
    .text(legend.firm, cx - 74, ly - 1, { lineBreak: false });
  doc.save().lineWidth(1.4).strokeColor(ORANGE).dash(4, { space: 3 });
  doc
    .moveTo(cx + 6, ly + 4)
    .lineTo(cx + 22, ly + 4)
    .stroke()
    .undash()
    .restore();
  doc
    .font('kr')
    .fontSize(8)
    .fillColor(INK)
    .text(legend.peers, cx + 26, ly - 1, { lineBreak: false });
}
