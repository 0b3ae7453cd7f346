import type { InstrumentContent, RuleCreateBody } from './contract';

/**
 * The default instrument shipped with itda, written for this product (Korean first). Six dimensions in
 * the spirit of the EU Digital Maturity Assessment: digital strategy, digital readiness, people and
 * skills, data management, automation and AI, green and secure digital operations.
 */
const t = (ko: string, en: string) => ({ ko, en });
const opt = (value: string, ko: string, en: string, points: number, exclusive?: boolean) => ({
  value,
  label: t(ko, en),
  points,
  ...(exclusive ? { exclusive } : {}),
});
const none = opt('none', '해당 없음', 'None of these', 0, true);
const scale = (ko0: string, en0: string, ko5: string, en5: string) => ({
  minLabel: t(ko0, en0),
  maxLabel: t(ko5, en5),
});

export const DEFAULT_INSTRUMENT: InstrumentContent = {
  title: t('중소기업 DX 수준진단', 'SME digital maturity self-assessment'),
  description: t(
    '6개 영역 30개 문항에 답하면 영역별·종합 점수(100점 만점)와 단계, 같은 규모·업종 기업과의 비교 결과를 알려 드립니다. 15분 정도 걸리며, 답은 자동 저장되어 나중에 이어서 할 수 있습니다.',
    'Answer 30 questions in six areas to get a score per area and overall (out of 100), a stage, and a comparison with firms of your size and industry. It takes about 15 minutes; answers are saved as you go.',
  ),
  stages: [
    {
      stage: 1,
      min: 0,
      label: t('미착수', 'Not started'),
      description: t(
        '디지털 전환을 아직 시작하지 않았습니다. 방향을 세우고 기본 도구부터 갖추는 단계입니다.',
        'Digital transformation has not started yet: set a direction and put basic tools in place.',
      ),
    },
    {
      stage: 2,
      min: 20,
      label: t('초기', 'Beginning'),
      description: t(
        '일부 업무에 디지털 도구를 쓰기 시작했지만 전략과 데이터 활용은 아직 약합니다.',
        'Some work uses digital tools, but strategy and data use are still weak.',
      ),
    },
    {
      stage: 3,
      min: 40,
      label: t('도입', 'Adopting'),
      description: t(
        '주요 업무가 시스템화되고 데이터가 쌓이고 있습니다. 데이터를 의사결정과 자동화로 잇는 단계입니다.',
        'Core work runs on systems and data accumulates: time to connect data with decisions and automation.',
      ),
    },
    {
      stage: 4,
      min: 60,
      label: t('확산', 'Expanding'),
      description: t(
        '디지털 전환이 여러 부서로 퍼지고 데이터·AI 활용 성과가 나타나기 시작했습니다.',
        'Digital transformation spreads across departments and data/AI start to pay off.',
      ),
    },
    {
      stage: 5,
      min: 80,
      label: t('고도화', 'Advanced'),
      description: t(
        '데이터와 AI가 사업 모델과 운영 전반에 자리 잡았습니다. 새로운 가치 창출로 나아가는 단계입니다.',
        'Data and AI are embedded in the business model and operations: on to creating new value.',
      ),
    },
  ],
  dimensions: [
    {
      key: 'strategy',
      title: t('디지털 전략', 'Digital strategy'),
      description: t(
        '경영진의 방향, 예산, 책임 조직, 성과 관리 등 디지털 전환을 이끄는 힘',
        'Direction from management, budget, ownership and performance tracking of the transformation',
      ),
      advice: t(
        '경영진이 디지털 전환의 목표를 한 장으로 정리하고, 담당자와 예산을 정해 작은 과제부터 시작해 보세요.',
        'Write the transformation goals on one page, name an owner and a budget, and start with a small project.',
      ),
      weight: 1,
      questions: [
        {
          key: 'strategyDirection',
          type: 'single',
          text: t(
            '디지털 전환에 대한 경영진의 방향이 정리되어 있습니까?',
            "Is management's direction for digital transformation set out?",
          ),
          help: t(
            '디지털 전환: 디지털 기술로 일하는 방식, 제품·서비스, 고객 경험을 바꾸는 일입니다.',
            'Digital transformation: using digital technology to change how you work, what you offer and how customers experience it.',
          ),
          required: true,
          weight: 2,
          options: [
            opt('none', '생각해 본 적 없음', 'Never considered', 0),
            opt('idea', '구상만 있음(문서 없음)', 'Ideas only, nothing written', 1),
            opt('direction', '방향은 정했으나 실행계획은 없음', 'A direction but no action plan', 2),
            opt('plan', '목표와 실행계획이 문서로 있음', 'Written goals and action plan', 3),
            opt('reviewed', '계획을 정기적으로 점검·수정함', 'The plan is reviewed and updated regularly', 4),
          ],
        },
        {
          key: 'strategyBudget',
          type: 'yesPartlyNo',
          text: t(
            '디지털 전환을 위한 예산을 따로 편성하고 있습니까?',
            'Do you set aside a budget for digital transformation?',
          ),
          help: t(
            '"일부"는 필요할 때마다 비정기적으로 쓰는 경우입니다.',
            '"Partly" means spending now and then, without a set budget.',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'strategyOwner',
          type: 'status',
          text: t(
            '디지털 전환을 책임지는 담당자나 조직이 있습니까?',
            'Is a person or team responsible for digital transformation?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'strategyAreas',
          type: 'multi',
          allowPlanned: true,
          text: t(
            '디지털 기술을 활용하고 있거나 활용할 계획인 사업 영역을 모두 고르세요.',
            'Choose every business area where you use, or plan to use, digital technology.',
          ),
          help: t(
            '계획 중인 영역은 "예정"으로 표시하세요(점수의 절반).',
            'Mark areas you are planning as "planned" (half the points).',
          ),
          required: true,
          weight: 1,
          options: [
            opt(
              'customer',
              '고객 접점(온라인 판매·마케팅)',
              'Customer channels (online sales, marketing)',
              1,
            ),
            opt('product', '제품·서비스 자체', 'The product or service itself', 1),
            opt('operations', '생산·서비스 운영', 'Production or service operations', 1),
            opt('backoffice', '경영지원(회계·인사·구매)', 'Back office (accounting, HR, purchasing)', 1),
            opt('partners', '협력사·공급망', 'Partners and supply chain', 1),
            none,
          ],
        },
        {
          key: 'strategyMeasure',
          type: 'scale',
          text: t(
            '디지털 전환의 성과(매출, 비용, 고객 만족)를 측정하고 있습니까?',
            'Do you measure the results of digital transformation (sales, costs, customer satisfaction)?',
          ),
          required: true,
          weight: 1,
          ...scale(
            '전혀 측정하지 않음',
            'Not at all',
            '지표를 정해 정기적으로 측정',
            'Defined indicators, measured regularly',
          ),
        },
      ],
    },
    {
      key: 'readiness',
      title: t('디지털 기반', 'Digital readiness'),
      description: t(
        '업무 시스템, 클라우드, 시스템 간 연동, 온라인 채널 등 인프라와 도구',
        'Infrastructure and tools: business systems, cloud, integration, online channels',
      ),
      advice: t(
        '회계·고객관리처럼 매일 쓰는 업무부터 클라우드 서비스(SaaS)로 옮기고, 시스템끼리 데이터가 이어지게 하세요.',
        'Move everyday work such as accounting and customer management to cloud services (SaaS) and connect the systems.',
      ),
      weight: 1,
      questions: [
        {
          key: 'readinessTools',
          type: 'multi',
          allowPlanned: true,
          text: t('업무에 쓰는 디지털 도구를 모두 고르세요.', 'Choose every digital tool you use at work.'),
          required: true,
          weight: 2,
          options: [
            opt('groupware', '전자결재·그룹웨어', 'E-approval, groupware', 1),
            opt('erp', '회계·ERP', 'Accounting, ERP', 1),
            opt('crm', '고객관리(CRM)', 'Customer management (CRM)', 1),
            opt('collab', '협업 메신저·화상회의', 'Team chat, video meetings', 1),
            opt('commerce', '온라인 판매 채널(쇼핑몰·오픈마켓)', 'Online sales (web shop, marketplaces)', 1),
            opt('mes', '생산·재고·물류 관리(MES·WMS)', 'Production, inventory, logistics (MES, WMS)', 1),
            none,
          ],
        },
        {
          key: 'readinessCloud',
          type: 'single',
          text: t(
            '업무 시스템과 파일은 주로 어디에서 운영됩니까?',
            'Where do your business systems and files mostly run?',
          ),
          required: true,
          weight: 1,
          options: [
            opt('pc', '직원 개인 PC에 흩어져 있음', "Scattered over employees' PCs", 0),
            opt('server', '사내 서버', 'On-premises servers', 1),
            opt('partial', '일부 클라우드', 'Partly in the cloud', 2),
            opt('cloud', '주요 업무 대부분이 클라우드(SaaS)', 'Most core work in the cloud (SaaS)', 3),
          ],
        },
        {
          key: 'readinessIntegration',
          type: 'yesPartlyNo',
          text: t(
            '주요 시스템끼리 데이터가 이어집니까? (예: 주문 → 재고 → 회계)',
            'Do your main systems share data? (e.g. order → inventory → accounting)',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'readinessAccess',
          type: 'scale',
          text: t(
            '직원들이 필요한 업무 시스템에 언제 어디서나 안전하게 접속할 수 있습니까?',
            'Can staff reach the systems they need securely, anytime and anywhere?',
          ),
          required: true,
          weight: 1,
          ...scale(
            '사무실 PC에서만 가능',
            'Only from office PCs',
            '어디서나 안전하게 가능',
            'Anywhere, securely',
          ),
        },
        {
          key: 'readinessOnline',
          type: 'status',
          text: t(
            '고객이 온라인(홈페이지·앱·메신저)으로 문의·주문·예약을 할 수 있습니까?',
            'Can customers ask, order or book online (website, app, messenger)?',
          ),
          required: true,
          weight: 1,
        },
      ],
    },
    {
      key: 'people',
      title: t('인력·역량', 'People and skills'),
      description: t(
        '임직원의 디지털 교육, 전담 인력, 경영진의 학습, 변화 수용성',
        'Digital training, dedicated staff, management learning and openness to change',
      ),
      advice: t(
        '경영진부터 데이터·AI 교육에 참여하고, 직원 교육 계획을 세워 새 도구를 익힐 시간을 주세요.',
        'Have management join data/AI training first, then plan staff training and give time to learn new tools.',
      ),
      weight: 1,
      questions: [
        {
          key: 'peopleTraining',
          type: 'single',
          text: t(
            '최근 1년간 디지털 관련 교육을 받은 임직원은 얼마나 됩니까?',
            'What share of staff had digital training in the past year?',
          ),
          required: true,
          weight: 2,
          options: [
            opt('none', '없음', 'None', 0),
            opt('lt10', '10% 미만', 'Under 10%', 1),
            opt('lt30', '10~30%', '10–30%', 2),
            opt('lt60', '30~60%', '30–60%', 3),
            opt('ge60', '60% 이상', '60% or more', 4),
          ],
        },
        {
          key: 'peopleDedicated',
          type: 'status',
          text: t(
            'IT·데이터 업무를 맡는 전담 인력(또는 계약한 외부 전문기업)이 있습니까?',
            'Do you have dedicated IT/data staff (or a contracted specialist firm)?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'peopleLeadership',
          type: 'yesPartlyNo',
          text: t(
            '경영진이 데이터·AI 관련 교육이나 세미나에 참여하고 있습니까?',
            'Does management attend data/AI courses or seminars?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'peopleAdoption',
          type: 'scale',
          text: t(
            '직원들은 새로운 디지털 도구를 얼마나 적극적으로 받아들입니까?',
            'How readily do staff take up new digital tools?',
          ),
          required: true,
          weight: 1,
          ...scale('거부감이 큼', 'Strong reluctance', '먼저 제안하고 앞장섬', 'They propose and lead'),
        },
        {
          key: 'peopleIncentives',
          type: 'yesPartlyNo',
          text: t(
            '디지털 역량을 채용·평가·보상에 반영합니까?',
            'Do hiring, appraisal or rewards take digital skills into account?',
          ),
          required: false,
          weight: 1,
        },
      ],
    },
    {
      key: 'data',
      title: t('데이터 관리', 'Data management'),
      description: t(
        '데이터 수집, 통합 관리, 의사결정 활용, 관리 규칙, 외부 데이터 활용',
        'Collecting, integrating and using data for decisions; data rules; external data',
      ),
      advice: t(
        '흩어진 엑셀 파일을 한곳에 모으고, 매주 보는 핵심 지표 몇 가지를 대시보드로 만들어 보세요.',
        'Bring scattered spreadsheets together and build a dashboard of the few indicators you check every week.',
      ),
      weight: 1,
      questions: [
        {
          key: 'dataCollected',
          type: 'multi',
          allowPlanned: true,
          text: t(
            '디지털 형태로 모으고 있는 데이터를 모두 고르세요.',
            'Choose every kind of data you collect in digital form.',
          ),
          required: true,
          weight: 1,
          options: [
            opt('customers', '고객·거래처', 'Customers and accounts', 1),
            opt('sales', '주문·매출', 'Orders and sales', 1),
            opt('production', '생산·설비·서비스 운영', 'Production, equipment, service operations', 1),
            opt('inventory', '재고·물류', 'Inventory and logistics', 1),
            opt('usage', '웹·앱 이용 기록', 'Website or app usage', 1),
            none,
          ],
        },
        {
          key: 'dataStorage',
          type: 'single',
          text: t('데이터는 주로 어떻게 관리됩니까?', 'How is your data mostly kept?'),
          required: true,
          weight: 2,
          options: [
            opt('paper', '종이 문서나 구두로', 'On paper or by word of mouth', 0),
            opt('personal', '직원별 엑셀 파일', "Each employee's own spreadsheets", 1),
            opt('shared', '부서별 공유 폴더·시스템', 'Shared folders or systems per department', 2),
            opt('integrated', '회사 전체가 쓰는 통합 데이터베이스', 'One company-wide database', 3),
            opt(
              'governed',
              '통합 데이터베이스 + 품질 관리 규칙',
              'Company-wide database with data-quality rules',
              4,
            ),
          ],
        },
        {
          key: 'dataDecisions',
          type: 'scale',
          text: t(
            '의사결정에 데이터(보고서·대시보드)를 얼마나 활용합니까?',
            'How much do decisions rely on data (reports, dashboards)?',
          ),
          required: true,
          weight: 2,
          ...scale(
            '경험과 감으로 결정',
            'Experience and gut feeling',
            '주요 결정은 데이터로',
            'Key decisions rest on data',
          ),
        },
        {
          key: 'dataRules',
          type: 'status',
          text: t(
            '데이터 관리 규칙(항목 정의, 접근권한, 보관기간)이 있습니까?',
            'Do you have data rules (definitions, access rights, retention)?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'dataExternal',
          type: 'yesPartlyNo',
          text: t(
            '외부 데이터(공공데이터, 시장·상권 데이터)를 사업에 활용합니까?',
            'Do you use external data (open government data, market data) in the business?',
          ),
          required: true,
          weight: 1,
        },
      ],
    },
    {
      key: 'ai',
      title: t('자동화·AI', 'Automation and AI'),
      description: t(
        '반복 업무의 자동화, AI 기술 활용, AI 과제 기획과 협력, 도입 효과',
        'Automating routine work, using AI, planning AI projects with partners, measured effects',
      ),
      advice: t(
        '시간이 가장 많이 드는 반복 업무 하나를 골라 자동화나 AI로 풀 수 있는지 과제기획서로 정리해 보세요.',
        'Pick the routine task that takes the most time and write a project plan for automating it or solving it with AI.',
      ),
      weight: 1,
      questions: [
        {
          key: 'aiAutomation',
          type: 'single',
          text: t('반복 업무는 어느 정도 자동화되어 있습니까?', 'How far is routine work automated?'),
          required: true,
          weight: 2,
          options: [
            opt('manual', '대부분 수작업', 'Mostly manual', 0),
            opt(
              'macro',
              '엑셀 매크로 등 개인 수준의 자동화',
              'Personal automation such as spreadsheet macros',
              1,
            ),
            opt('some', '일부 업무를 자동화(RPA·워크플로)', 'Some processes automated (RPA, workflows)', 2),
            opt('most', '주요 업무 다수가 자동화', 'Most core processes automated', 3),
          ],
        },
        {
          key: 'aiTech',
          type: 'multi',
          allowPlanned: true,
          text: t(
            '활용하고 있거나 도입할 계획인 AI 기술을 모두 고르세요.',
            'Choose every AI technology you use or plan to adopt.',
          ),
          required: true,
          weight: 2,
          options: [
            opt('chatbot', '챗봇·상담 지원', 'Chatbots, customer-service assistance', 1),
            opt('speech', '음성인식(STT)', 'Speech recognition (STT)', 1),
            opt('document', '문서인식(OCR)·번역', 'Document recognition (OCR), translation', 1),
            opt('forecast', '수요예측·추천', 'Forecasting, recommendation', 1),
            opt('vision', '영상 분석·품질검사(비전)', 'Image analysis, visual inspection', 1),
            opt('generative', '생성형 AI(문서·이미지 작성)', 'Generative AI (text, images)', 1),
            none,
          ],
        },
        {
          key: 'aiPlanning',
          type: 'status',
          text: t(
            'AI·데이터 활용 과제를 구체적으로(해결할 문제, 필요한 데이터, 예산) 기획해 보았습니까?',
            'Have you planned an AI/data project in detail (problem, data needed, budget)?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'aiPartners',
          type: 'yesPartlyNo',
          text: t(
            'AI 솔루션 기업이나 연구기관과 협력한 경험이 있습니까?',
            'Have you worked with an AI solution company or research institute?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'aiImpact',
          type: 'scale',
          text: t(
            '자동화·AI 도입 효과(시간·비용 절감, 품질 향상)를 확인했습니까?',
            'Have you seen effects of automation or AI (time or cost saved, better quality)?',
          ),
          required: true,
          weight: 1,
          ...scale(
            '도입하지 않았거나 효과 없음',
            'Not adopted or no effect',
            '효과를 수치로 확인',
            'Effects measured in numbers',
          ),
        },
      ],
    },
    {
      key: 'greenSecure',
      title: t('친환경·보안 운영', 'Green and secure operations'),
      description: t(
        '정보보안 기본 수칙, 개인정보 보호, 복구 계획, 종이 없는 업무, 에너지·자원 절감',
        'Security basics, personal-data protection, recovery plans, paperless work, saving energy and resources',
      ),
      advice: t(
        '백업·백신·접근권한 같은 기본 수칙부터 점검하고, 전자계약·전자문서로 종이 업무를 줄여 보세요.',
        'Check the basics (backups, antivirus, access rights) first and cut paper with e-contracts and e-documents.',
      ),
      weight: 1,
      questions: [
        {
          key: 'secureBasics',
          type: 'status',
          text: t(
            '정보보안 기본 수칙(정기 백업, 백신, 계정·접근권한 관리)을 운영합니까?',
            'Do you follow security basics (regular backups, antivirus, account and access control)?',
          ),
          required: true,
          weight: 2,
        },
        {
          key: 'securePrivacy',
          type: 'yesPartlyNo',
          text: t(
            '개인정보 처리방침과 보호 조치(암호화, 접속기록)를 갖추고 있습니까?',
            'Do you have a privacy policy and protection measures (encryption, access logs)?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'secureRecovery',
          type: 'single',
          text: t(
            '랜섬웨어 같은 사이버 침해에 대비한 복구 계획이 있습니까?',
            'Do you have a recovery plan for cyber incidents such as ransomware?',
          ),
          required: true,
          weight: 1,
          options: [
            opt('none', '없음', 'None', 0),
            opt('backup', '백업만 하고 있음', 'Backups only', 1),
            opt('documented', '복구 절차가 문서로 있음', 'A written recovery procedure', 2),
            opt('tested', '복구 훈련을 정기적으로 함', 'Recovery is rehearsed regularly', 3),
          ],
        },
        {
          key: 'greenPaperless',
          type: 'status',
          text: t(
            '종이 없는 업무(전자문서·전자계약·전자세금계산서)를 하고 있습니까?',
            'Do you work paperless (e-documents, e-contracts, e-invoices)?',
          ),
          required: true,
          weight: 1,
        },
        {
          key: 'greenEnergy',
          type: 'yesPartlyNo',
          text: t(
            '에너지·자원 사용(전력, 출력물, 물류)을 디지털로 측정하고 줄이고 있습니까?',
            'Do you measure and reduce energy and resource use (power, printing, logistics) digitally?',
          ),
          required: false,
          weight: 1,
        },
      ],
    },
  ],
};

/** Default recommendation rules (staff edit them): conditions on the result → a program, with a reason. */
export const DEFAULT_RULES: RuleCreateBody[] = [
  {
    programCode: 'DLC',
    conditions: [{ on: 'stage', op: 'lte', value: 2 }],
    reason: t(
      '디지털 전환 초기 단계입니다. 경영진이 데이터·AI 기술과 기업 사례를 익히는 리더십 과정으로 방향을 잡아 보세요.',
      'You are at an early stage. The leadership course helps management learn data/AI technology and cases to set a direction.',
    ),
    priority: 10,
    active: true,
  },
  {
    programCode: 'DXC',
    conditions: [{ on: 'stage', op: 'lte', value: 2 }],
    reason: t(
      'DX 기초 역량이 필요한 단계입니다. 컨설팅으로 역량 진단, 경영진 워크숍, 장단기 이행과제와 로드맵을 마련할 수 있습니다.',
      'Basic DX capabilities are needed. Consulting provides a capability review, executive workshops and a short/long-term roadmap.',
    ),
    priority: 20,
    active: true,
  },
  {
    programCode: 'AIX',
    conditions: [
      { on: 'dimension', dimension: 'data', op: 'gte', value: 60 },
      { on: 'dimension', dimension: 'ai', op: 'lt', value: 40 },
    ],
    reason: t(
      '데이터 관리 수준(60점 이상)에 비해 자동화·AI 활용(40점 미만)이 낮습니다. 쌓인 데이터로 AI 사업혁신 과제를 실행해 볼 때입니다.',
      'Data management is strong (60+) but automation and AI lag (under 40): time to run an AI business-innovation project on your data.',
    ),
    priority: 10,
    active: true,
  },
  {
    programCode: 'AIP',
    conditions: [
      { on: 'stage', op: 'gte', value: 3 },
      { on: 'dimension', dimension: 'ai', op: 'lt', value: 60 },
    ],
    reason: t(
      '디지털 기반은 갖췄지만 AI 활용은 아직입니다. AI 과제기획 지원으로 해결할 문제와 필요한 데이터를 과제기획서로 정리해 보세요.',
      'The digital basics are in place but AI is not yet: AI project-planning support helps you write down the problem and the data needed.',
    ),
    priority: 30,
    active: true,
  },
  {
    programCode: 'DTC',
    conditions: [
      { on: 'stage', op: 'gte', value: 3 },
      { on: 'dimension', dimension: 'data', op: 'lt', value: 40 },
    ],
    reason: t(
      '업무는 시스템화되었지만 데이터 관리가 약합니다(40점 미만). 데이터 활용 컨설팅으로 데이터 확보와 파이프라인을 설계해 보세요.',
      'Work runs on systems but data management is weak (under 40): data consulting helps you plan data collection and pipelines.',
    ),
    priority: 40,
    active: true,
  },
  {
    programCode: 'CLD',
    conditions: [{ on: 'dimension', dimension: 'readiness', op: 'lt', value: 40 }],
    reason: t(
      '업무 시스템과 클라우드 기반이 약합니다(40점 미만). 클라우드·데이터 인프라 지원으로 기반부터 갖추세요.',
      'Business systems and cloud are weak (under 40): cloud and data infrastructure support helps you build the base.',
    ),
    priority: 50,
    active: true,
  },
  {
    programCode: 'POP',
    conditions: [{ on: 'dimension', dimension: 'people', op: 'lt', value: 40 }],
    reason: t(
      '인력·역량 점수가 낮습니다(40점 미만). 팝업형 DX 특강으로 임직원이 DX 개념과 사례를 가볍게 접해 보세요.',
      'People and skills score low (under 40): pop-up DX lectures introduce staff to DX ideas and cases.',
    ),
    priority: 60,
    active: true,
  },
];
