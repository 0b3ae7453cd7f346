import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { DiagnosisResult, LangText, Recommendation } from './contract';
import { BLUE, GRAY, INK, LINE, radar } from './report-chart';

/**
 * The diagnosis report as a PDF (A4, Noto Sans KR): firm, date, instrument version, overall score and
 * stage, a radar chart of the dimensions (firm vs peer median) drawn with vector paths, the per-dimension
 * table, the peer comparison, strengths and gaps, and the recommended programs.
 */
export interface ReportData {
  companyName: string;
  submittedAt: string;
  instrumentTitle: LangText;
  instrumentVersion: number;
  label: string | null;
  result: DiagnosisResult;
  recommendations: Recommendation[];
}

type Lang = 'ko' | 'en';

/** The Noto Sans KR OTF files of @embedpdf/fonts-kr (its exports map hides them from require.resolve). */
function fontDir(): string {
  try {
    const main = createRequire(import.meta.url).resolve('@embedpdf/fonts-kr');
    const dir = join(dirname(dirname(main)), 'fonts');
    if (existsSync(dir)) return dir;
  } catch {
    /* walk up from the working directory instead */
  }
  let dir = process.cwd();
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'node_modules/@embedpdf/fonts-kr/fonts');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('Noto Sans KR fonts (@embedpdf/fonts-kr) not found');
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  if (!fonts) {
    const dir = fontDir();
    fonts = {
      regular: readFileSync(join(dir, 'NotoSansKR-Regular.otf')),
      bold: readFileSync(join(dir, 'NotoSansKR-Bold.otf')),
    };
  }
  return fonts;
}

const L = {
  ko: {
    header: '잇다 · 서울 중소기업 디지털 전환 지원 플랫폼',
    title: 'DX 수준진단 결과 보고서',
    date: '진단일',
    instrument: '진단 도구',
    overall: '종합 점수',
    stage: '단계',
    percentile: (p: number) => `비교 그룹 백분위 ${p} (상위 ${Math.max(1, 100 - p)}%)`,
    median: (m: number) => `비교 그룹 중앙값 ${m.toFixed(1)}점`,
    radar: '영역별 점수',
    firm: '우리 기업',
    peers: '비교 그룹 중앙값',
    table: ['영역', '점수', '중앙값', '차이', '백분위', '이전 대비'],
    peerTitle: '동종 기업 비교',
    previous: (label: string, score: number, delta: number) =>
      `이전 진단(${label}) ${score.toFixed(1)}점 대비 ${delta >= 0 ? '+' : ''}${delta.toFixed(1)}점`,
    strengths: '강점',
    gaps: '보완할 점',
    none: '해당 없음',
    recs: '추천 지원사업 (지금 신청할 수 있는 공고)',
    noRecs:
      '지금 신청할 수 있는 추천 공고가 없습니다. 새 공고가 열리면 잇다에서 진단 결과에 맞는 사업을 다시 추천해 드립니다.',
    deadline: '마감',
    footer: '이 보고서는 기업이 직접 응답한 자가진단 결과로, 참고용입니다.',
    page: (i: number, n: number) => `${i} / ${n}`,
  },
  en: {
    header: 'itda · Seoul SME digital transformation platform',
    title: 'DX maturity diagnosis report',
    date: 'Date',
    instrument: 'Instrument',
    overall: 'Overall score',
    stage: 'Stage',
    percentile: (p: number) => `Percentile ${p} among peers (top ${Math.max(1, 100 - p)}%)`,
    median: (m: number) => `Peer median ${m.toFixed(1)}`,
    radar: 'Score by area',
    firm: 'Your firm',
    peers: 'Peer median',
    table: ['Area', 'Score', 'Median', 'Diff.', 'Pctl.', 'Change'],
    peerTitle: 'Peer comparison',
    previous: (label: string, score: number, delta: number) =>
      `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} since the previous diagnosis (${label}: ${score.toFixed(1)})`,
    strengths: 'Strengths',
    gaps: 'Gaps',
    none: 'None',
    recs: 'Recommended programs (calls open now)',
    noRecs:
      'No recommended call is open right now. When new calls open, itda recommends the programs that fit your result.',
    deadline: 'Closes',
    footer: 'This report shows a self-assessment answered by the firm; for reference only.',
    page: (i: number, n: number) => `${i} / ${n}`,
  },
} as const;

/** KST calendar date, or date and time. */
function kst(iso: string, withTime = false) {
  const s = new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString();
  return withTime ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : s.slice(0, 10);
}

const f1 = (x: number | null) => (x === null ? '–' : x.toFixed(1));
const signed = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);

export function renderReportPdf(
  data: ReportData,
  opts: { lang?: Lang; compress?: boolean } = {},
): Promise<Buffer> {
  const lang: Lang = opts.lang ?? 'ko';
  const t = L[lang];
  const tx = (x: LangText) => (lang === 'en' ? x.en || x.ko : x.ko);
  const r = data.result;
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 56, left: 50, right: 50 },
    compress: opts.compress ?? true,
    bufferPages: true,
    info: {
      Title: `${t.title} — ${data.companyName}`,
      Author: 'itda',
      Subject: `${tx(data.instrumentTitle)} v${data.instrumentVersion} · ${t.overall} ${r.overall.toFixed(1)} · ${t.stage} ${r.stage} ${tx(r.stageLabel)}`,
    },
  });
  doc.registerFont('kr', regular);
  doc.registerFont('kr-bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // Header
  doc.font('kr').fontSize(8).fillColor(GRAY).text(t.header, left, 30, { width, align: 'right' });
  doc.font('kr-bold').fontSize(18).fillColor(INK).text(t.title, left, 52);
  doc
    .font('kr-bold')
    .fontSize(14)
    .fillColor(BLUE)
    .text(data.companyName, left, doc.y + 4);
  const meta = [
    `${t.date} ${kst(data.submittedAt)}`,
    `${t.instrument}: ${tx(data.instrumentTitle)} v${data.instrumentVersion}`,
    ...(data.label ? [data.label] : []),
  ].join('   ·   ');
  doc
    .font('kr')
    .fontSize(9)
    .fillColor(GRAY)
    .text(meta, left, doc.y + 4);
  const top = doc.y + 14;
  doc
    .moveTo(left, top - 6)
    .lineTo(left + width, top - 6)
    .lineWidth(0.8)
    .strokeColor(LINE)
    .stroke();

  // Score box
  const boxW = 190;
  const boxH = 206;
  doc
    .save()
    .roundedRect(left, top + 4, boxW, boxH, 8)
    .fillColor('#eef3fb')
    .fill()
    .restore();
  doc
    .font('kr')
    .fontSize(10)
    .fillColor(GRAY)
    .text(t.overall, left + 16, top + 18);
  doc.font('kr-bold').fontSize(40).fillColor(BLUE);
  const scoreW = doc.widthOfString(r.overall.toFixed(1));
  doc.text(r.overall.toFixed(1), left + 16, top + 30, { lineBreak: false });
  doc
    .font('kr')
    .fontSize(12)
    .fillColor(GRAY)
    .text('/ 100', left + 22 + scoreW, top + 58, { lineBreak: false });
  const chip = `${r.stage}${lang === 'ko' ? '단계' : ''} ${tx(r.stageLabel)}`;
  doc.font('kr-bold').fontSize(11);
  const chipW = doc.widthOfString(lang === 'en' ? `${t.stage} ${chip}` : chip) + 18;
  doc
    .save()
    .roundedRect(left + 16, top + 88, chipW, 22, 11)
    .fillColor(BLUE)
    .fill()
    .restore();
  doc
    .fillColor('#ffffff')
    .text(lang === 'en' ? `${t.stage} ${chip}` : chip, left + 25, top + 92, { lineBreak: false });
  // stage scale
  const sy = top + 122;
  const segW = (boxW - 32) / r.stages.length;
  r.stages.forEach((s, i) => {
    const active = s.stage === r.stage;
    doc
      .save()
      .rect(left + 16 + i * segW, sy, segW - 2, 6)
      .fillColor(active ? BLUE : '#c5d3ea')
      .fill()
      .restore();
    const name = tx(s.label);
    doc.font(active ? 'kr-bold' : 'kr').fontSize(6.5);
    const w = doc.widthOfString(name);
    if (w > segW - 3) doc.fontSize((6.5 * (segW - 3)) / w);
    const nameW = doc.widthOfString(name);
    doc
      .fillColor(active ? BLUE : GRAY)
      .text(name, left + 16 + i * segW + (segW - 2 - nameW) / 2, sy + 9, { lineBreak: false });
  });
  let y = sy + 26;
  doc.font('kr').fontSize(8.5).fillColor(INK);
  if (r.peer.overallPercentile !== null) {
    doc.text(t.percentile(r.peer.overallPercentile), left + 16, y, { width: boxW - 32 });
    y = doc.y + 2;
  }
  if (r.peer.overallMedian !== null) {
    doc.text(t.median(r.peer.overallMedian), left + 16, y, { width: boxW - 32 });
    y = doc.y + 2;
  }
  if (r.previous) {
    doc.text(t.previous(r.previous.label, r.previous.overall, r.previous.delta), left + 16, y, {
      width: boxW - 32,
    });
  }

  // Radar
  const rx = left + boxW + (width - boxW) / 2 + 4;
  doc
    .font('kr-bold')
    .fontSize(10)
    .fillColor(INK)
    .text(t.radar, left + boxW + 20, top + 4);
  radar(
    doc,
    rx,
    top + 112,
    70,
    r.dimensions.map((d) => ({ label: tx(d.title), score: d.score, median: d.peerMedian })),
    { firm: t.firm, peers: t.peers },
  );

  // Table
  y = top + boxH + 18;
  const cols = [150, 62, 62, 62, 62, width - 398];
  const header = t.table;
  const rowH = 18;
  doc.save().rect(left, y, width, rowH).fillColor('#f3f5f7').fill().restore();
  let x = left;
  doc.font('kr-bold').fontSize(9).fillColor(INK);
  header.forEach((h, i) => {
    doc.text(h, x + 6, y + 4, { width: cols[i] - 12, align: i === 0 ? 'left' : 'right', lineBreak: false });
    x += cols[i];
  });
  y += rowH;
  for (const d of r.dimensions) {
    const cells = [
      tx(d.title),
      f1(d.score),
      f1(d.peerMedian),
      d.score !== null && d.peerMedian !== null
        ? signed(Math.round((d.score - d.peerMedian) * 10) / 10)
        : '–',
      d.percentile === null ? '–' : String(d.percentile),
      signed(d.delta),
    ];
    x = left;
    doc.font('kr').fontSize(9).fillColor(INK);
    cells.forEach((c, i) => {
      doc.text(c, x + 6, y + 4, { width: cols[i] - 12, align: i === 0 ? 'left' : 'right', lineBreak: false });
      x += cols[i];
    });
    y += rowH;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
  }

  // Text sections
  const section = (title: string) => {
    if (doc.y > doc.page.height - 130) doc.addPage();
    doc.moveDown(0.6);
    doc.font('kr-bold').fontSize(11).fillColor(INK).text(title, left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, opts: { color?: string; size?: number; indent?: number } = {}) => {
    doc
      .font('kr')
      .fontSize(opts.size ?? 9.5)
      .fillColor(opts.color ?? INK)
      .text(text, left + (opts.indent ?? 0), doc.y, { width: width - (opts.indent ?? 0), lineGap: 1.5 });
  };
  doc.y = y + 2;
  section(t.peerTitle);
  para(tx(r.peer.description));
  section(t.strengths);
  if (r.strengths.length === 0) para(t.none, { color: GRAY });
  for (const s of r.strengths) para(`•  ${tx(s.text)}`, { indent: 4 });
  section(t.gaps);
  if (r.gaps.length === 0) para(t.none, { color: GRAY });
  for (const g of r.gaps) para(`•  ${tx(g.text)}`, { indent: 4 });
  section(t.recs);
  if (data.recommendations.length === 0) para(t.noRecs, { color: GRAY });
  for (const rec of data.recommendations) {
    doc
      .font('kr-bold')
      .fontSize(10)
      .fillColor(BLUE)
      .text(`${tx(rec.programName)} (${rec.programCode})`, left + 4, doc.y, {
        width: width - 4,
      });
    for (const reason of rec.reasons) para(tx(reason.text), { indent: 12 });
    for (const c of rec.calls)
      para(`→ ${c.title} — ${t.deadline} ${kst(c.closesAt, true)} KST`, { indent: 12, color: GRAY, size: 9 });
    doc.moveDown(0.4);
  }

  // Footer on every page
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const fy = doc.page.height - 36;
    doc.page.margins.bottom = 0;
    doc.font('kr').fontSize(7.5).fillColor(GRAY);
    doc.text(t.footer, left, fy, { width: width - 40, lineBreak: false });
    doc.text(t.page(i + 1, range.count), left, fy, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
