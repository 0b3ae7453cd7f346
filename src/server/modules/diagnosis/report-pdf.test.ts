import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosisResult } from './contract';
import { DEFAULT_INSTRUMENT } from './default-instrument';
import { renderReportPdf } from './report-pdf';

const lang = (ko: string, en = ko) => ({ ko, en });
const result: DiagnosisResult = {
  overall: 41.9,
  stage: 3,
  stageLabel: lang('도입', 'Adopting'),
  stages: DEFAULT_INSTRUMENT.stages.map((s) => ({
    stage: s.stage,
    min: s.min,
    label: lang(s.label.ko, s.label.en),
  })),
  dimensions: DEFAULT_INSTRUMENT.dimensions.map((d, i) => ({
    key: d.key,
    title: lang(d.title.ko, d.title.en),
    weight: 1,
    score: 20 + i * 10,
    peerMedian: 40,
    percentile: 10 + i * 15,
    previous: i === 0 ? null : 15 + i * 10,
    delta: i === 0 ? null : 5,
  })),
  peer: {
    group: 'sizeSection',
    n: 214,
    sizeClass: 'small',
    ksicSection: 'C',
    overallMedian: 40.2,
    overallPercentile: 55,
    description: lang('같은 규모·업종(소기업, C 제조업) 기업 214곳과 비교했습니다.'),
  },
  strengths: [
    { dimension: 'ai', text: lang('자동화·AI: 70.0점으로 비교 그룹 중앙값(40.0점)보다 30.0점 높습니다.') },
  ],
  gaps: [
    {
      dimension: 'strategy',
      text: lang('디지털 전략: 20.0점으로 비교 그룹 중앙값(40.0점)보다 20.0점 낮습니다.'),
    },
  ],
  previous: {
    id: '00000000-0000-4000-8000-000000000001',
    label: 'T0',
    submittedAt: '2021-04-01T01:00:00Z',
    overall: 35.1,
    stage: 2,
    delta: 6.8,
  },
};

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

function pdfText(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'itda-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PDF report', () => {
  it('names the firm, the score and the stage (Noto Sans KR), with or without pdftotext', async () => {
    const pdf = await renderReportPdf(
      {
        companyName: '주식회사 시험제조',
        submittedAt: '2022-04-01T01:00:00Z',
        instrumentTitle: lang(DEFAULT_INSTRUMENT.title.ko, DEFAULT_INSTRUMENT.title.en),
        instrumentVersion: 1,
        label: 'T1',
        result,
        recommendations: [
          {
            programCode: 'DXC',
            programName: lang('DX 역량강화 컨설팅 지원사업'),
            reasons: [
              {
                ruleId: '00000000-0000-4000-8000-000000000002',
                text: lang('DX 기초 역량이 필요한 단계입니다.'),
              },
            ],
            calls: [
              {
                id: '00000000-0000-4000-8000-000000000003',
                title: '2022년 DX 컨설팅 모집',
                closesAt: '2022-05-01T09:00:00Z',
              },
            ],
          },
        ],
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // uncompressed: the document info (UTF-16BE strings) carries the firm's name and the score
    expect(pdf.includes(utf16be('주식회사 시험제조'))).toBe(true);
    expect(pdf.includes(utf16be('41.9'))).toBe(true);
    expect(pdf.includes(Buffer.from('/FontFile3'))).toBe(true); // embedded (subset) OTF font
    const text = pdfText(pdf);
    if (text !== undefined) {
      for (const s of [
        '주식회사 시험제조',
        '41.9',
        '3단계 도입',
        '디지털 전략',
        '친환경·보안 운영',
        '2022년 DX 컨설팅 모집',
        '2022-05-01 18:00',
      ])
        expect(text, s).toContain(s);
    }
  });
});
