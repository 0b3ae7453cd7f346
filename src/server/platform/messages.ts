/** Error messages by code, Korean first. `{x}` placeholders take AppError params. */
type Lang = 'ko' | 'en';
const messages: Record<string, Record<Lang, string>> = {
  bad_request: { ko: '요청을 처리할 수 없습니다.', en: 'The request cannot be processed.' },
  validation_failed: { ko: '입력값을 확인해 주세요.', en: 'Please check the input.' },
  invalid_json: { ko: '요청 본문이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.' },
  body_too_large: { ko: '요청 본문이 너무 큽니다.', en: 'The request body is too large.' },
  unsupported_media_type: {
    ko: '지원하지 않는 콘텐츠 형식입니다.',
    en: 'This content type is not supported.',
  },
  route_not_found: { ko: '요청한 주소를 찾을 수 없습니다.', en: 'The requested address was not found.' },
  not_found: { ko: '요청한 {entity}을(를) 찾을 수 없습니다.', en: 'The requested {entity} was not found.' },
  unauthorized: { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  session_expired: {
    ko: '세션이 만료되었습니다. 다시 로그인해 주세요.',
    en: 'Your session has expired. Please sign in again.',
  },
  invalid_credentials: {
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
    en: 'The email or password is incorrect.',
  },
  account_locked: {
    ko: '로그인 실패가 반복되어 이 이메일의 로그인을 잠시 막았습니다. {minutes}분 후 다시 시도해 주세요.',
    en: 'Too many failed sign-ins with this email; signing in is paused. Try again in {minutes} minutes.',
  },
  account_disabled: { ko: '사용이 중지된 계정입니다.', en: 'This account has been disabled.' },
  forbidden: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  csrf_failed: {
    ko: '보안 토큰이 없거나 올바르지 않습니다. 페이지를 새로고침해 주세요.',
    en: 'Missing or invalid security token. Please reload the page.',
  },
  conflict: { ko: '다른 변경과 충돌했습니다.', en: 'This conflicts with another change.' },
  stale_version: {
    ko: '다른 사용자가 먼저 수정했습니다. 새로고침 후 다시 시도해 주세요.',
    en: 'Someone else changed this first. Reload and try again.',
  },
  email_taken: { ko: '이미 가입된 이메일입니다.', en: 'This email is already registered.' },
  brn_taken: {
    ko: '이미 등록된 사업자등록번호입니다.',
    en: 'This business registration number is already registered.',
  },
  already_member: { ko: '이미 이 기업의 구성원입니다.', en: 'You are already a member of this company.' },
  merge_same: { ko: '같은 기업끼리는 병합할 수 없습니다.', en: 'A company cannot be merged into itself.' },
  merged_company: {
    ko: '이미 다른 기업으로 병합된 기록입니다.',
    en: 'This record has already been merged into another company.',
  },
  reason_required: {
    ko: '개인정보를 내려받으려면 사유를 입력해야 합니다.',
    en: 'A reason is required to download personal data.',
  },
  last_admin: {
    ko: '마지막 관리자 계정은 변경할 수 없습니다.',
    en: 'The last admin account cannot be changed.',
  },
  rate_limited: {
    ko: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Too many requests. Please try again later.',
  },
  file_required: { ko: '파일을 첨부해 주세요.', en: 'Please attach a file.' },
  file_type: {
    ko: 'CSV 또는 XLSX 파일만 올릴 수 있습니다.',
    en: 'Only CSV or XLSX files can be uploaded.',
  },
  import_has_errors: {
    ko: '오류가 있는 행이 {count}개 있어 가져오지 않았습니다.',
    en: '{count} rows have errors; nothing was imported.',
  },
  job_not_done: { ko: '작업이 아직 끝나지 않았습니다.', en: 'The job has not finished yet.' },
  duplicate_in_file: {
    ko: '파일의 {row}행과 같은 기업(사업자등록번호)입니다.',
    en: 'Same company (business registration number) as row {row} of the file.',
  },
  boolean_format: {
    ko: 'Y/N, 예/아니오, O/X 중 하나로 입력해 주세요.',
    en: 'Use Y/N, yes/no or O/X.',
  },
  mapping_invalid: {
    ko: '열 연결(매핑)을 확인해 주세요.',
    en: 'Please check the column mapping.',
  },
  association_required: {
    ko: '명단을 등록할 협단체를 선택해 주세요.',
    en: 'Please choose the association this member list belongs to.',
  },
  call_not_open: {
    ko: '지금은 신청할 수 없는 공고입니다(접수 기간이 아닙니다).',
    en: 'This call is not open for applications now.',
  },
  deadline_passed: {
    ko: '접수가 마감되었습니다. 마감 시각은 서버 시각(KST) 기준입니다.',
    en: 'The deadline has passed (server time, KST).',
  },
  call_full: {
    ko: '신청 가능 건수가 모두 찼습니다.',
    en: 'This call has reached its maximum number of applications.',
  },
  application_locked: {
    ko: '현재 상태({status})에서는 신청서를 바꿀 수 없습니다.',
    en: 'The application cannot be changed in its current state ({status}).',
  },
  supplement_overdue: { ko: '보완 기한이 지났습니다.', en: 'The supplement deadline has passed.' },
  not_eligible: {
    ko: '신청 자격을 충족하지 않습니다.',
    en: 'The company does not meet the eligibility rules.',
  },
  company_required: { ko: '신청할 기업을 선택해 주세요.', en: 'Please choose the company that applies.' },
  illegal_transition: {
    ko: '현재 상태({from})에서 {to}(으)로 바꿀 수 없습니다.',
    en: 'Cannot move from {from} to {to}.',
  },
  call_has_applications: {
    ko: '신청서가 있는 공고는 초안으로 되돌릴 수 없습니다.',
    en: 'A call with applications cannot go back to draft.',
  },
  file_extension: { ko: '허용된 파일 형식: {accept}', en: 'Allowed file types: {accept}' },
  call_archived: { ko: '보관된 공고는 수정할 수 없습니다.', en: 'An archived call cannot be edited.' },
  instrument_published: {
    ko: '게시된 진단 도구는 바꿀 수 없습니다. 새 버전 초안을 만들어 수정해 주세요.',
    en: 'A published instrument cannot be changed; draft a new version instead.',
  },
  instrument_none: {
    ko: '게시된 진단 도구가 없어 진단을 시작할 수 없습니다.',
    en: 'No instrument has been published, so a diagnosis cannot start.',
  },
  diagnosis_submitted: {
    ko: '제출한 진단은 바꿀 수 없습니다. 새 진단을 시작해 주세요.',
    en: 'A submitted diagnosis cannot be changed; start a new one.',
  },
  diagnosis_incomplete: {
    ko: '답하지 않은 필수 문항이 {count}개 있습니다.',
    en: '{count} required questions are unanswered.',
  },
  diagnosis_not_submitted: {
    ko: '진단을 제출한 뒤에 결과를 볼 수 있습니다.',
    en: 'The result is available once the diagnosis is submitted.',
  },
  claim_pending: {
    ko: '이 기업에 대한 연결 요청이 이미 확인 대기 중입니다.',
    en: 'Your request to join this company is already waiting for confirmation.',
  },
  claim_decided: {
    ko: '이미 처리된 연결 요청입니다.',
    en: 'This request has already been decided.',
  },
  document_type: {
    ko: 'PDF, 이미지(PNG·JPG), 한글(HWP·HWPX), 오피스 문서(DOCX·XLSX·PPTX·DOC·XLS·PPT) 또는 ZIP 파일만 올릴 수 있습니다.',
    en: 'Only PDF, images (PNG, JPG), Hangul (HWP, HWPX), Office documents (DOCX, XLSX, PPTX, DOC, XLS, PPT) or ZIP files can be uploaded.',
  },
  file_extension_mismatch: {
    ko: '파일 이름의 확장자(.{ext})가 파일 내용({type})과 맞지 않습니다. 올바른 확장자로 저장한 뒤 다시 올려 주세요.',
    en: 'The file name ends in .{ext} but its content is {type}. Save it with the right extension and upload it again.',
  },
  job_abandoned: {
    ko: '작업을 맡은 서버가 여러 번 응답하지 않아 작업을 중단했습니다. 다시 실행해 주세요.',
    en: 'The job was stopped because the servers running it stopped responding several times. Please run it again.',
  },
  link_request_decided: {
    ko: '이미 처리된 연결 요청입니다.',
    en: 'This link request has already been decided.',
  },
  invitation_email_registered: {
    ko: '협단체는 회원사에 등록된 이메일로만 초대할 수 있습니다.',
    en: "Partners can invite a member firm only at the firm's registered email address.",
  },
  invitation_no_email: {
    ko: '등록된 이메일이 없는 기업은 초대할 수 없습니다. 기업 정보에 이메일을 먼저 등록해 주세요.',
    en: 'This firm has no registered email address to invite; add one to its record first.',
  },
  invitation_daily_cap: {
    ko: '오늘 보낼 수 있는 초대 {cap}건을 넘습니다(오늘 {sent}건 보냄). 내일 다시 시도해 주세요.',
    en: 'This exceeds the daily limit of {cap} invitations ({sent} sent today). Please try again tomorrow.',
  },
  xlsx_too_large: {
    ko: 'XLSX 파일의 압축을 푼 크기({mb} MB)가 한도({limitMb} MB)를 넘어 읽지 않았습니다. 파일을 나누어 올려 주세요.',
    en: 'The XLSX file unpacks to {mb} MB, over the {limitMb} MB limit; it was not read. Please split the file.',
  },
  xlsx_too_many_cells: {
    ko: 'XLSX 시트의 셀 수({cells}개)가 한도({limit}개)를 넘어 읽지 않았습니다. 파일을 나누어 올려 주세요.',
    en: 'The XLSX sheet has {cells} cells, over the limit of {limit}; it was not read. Please split the file.',
  },
  table_too_large: {
    ko: '파일이 너무 크거나 복잡해 읽지 못했습니다. 파일을 나누어 올려 주세요.',
    en: 'The file is too large or complex to read. Please split it.',
  },
  pledge_required: {
    ko: '평가 전에 청렴·비밀유지 서약서에 서명해 주세요.',
    en: 'Please sign the impartiality and confidentiality pledge before scoring.',
  },
  pledge_outdated: {
    ko: '서약서가 새 버전으로 바뀌었습니다. 새로고침 후 다시 서명해 주세요.',
    en: 'The pledge has a new version. Reload and sign again.',
  },
  sheet_submitted: {
    ko: '제출한 평가표는 담당자가 다시 열어야 수정할 수 있습니다.',
    en: 'A submitted score sheet can be changed only after staff reopen it.',
  },
  sheet_not_submitted: { ko: '제출되지 않은 평가표입니다.', en: 'This score sheet has not been submitted.' },
  sheet_incomplete: {
    ko: '모든 평가항목의 점수와 종합의견(적합/보완/부적합)을 입력해야 제출할 수 있습니다.',
    en: 'Score every criterion and give a recommendation before submitting.',
  },
  assignment_inactive: {
    ko: '회피·제척 등으로 종료된 배정입니다.',
    en: 'This assignment has ended (recusal, exclusion or removal).',
  },
  not_a_reviewer: { ko: '평가위원 계정이 아닙니다.', en: 'This account is not a reviewer.' },
  not_panel_member: { ko: '이 평가위원회의 위원이 아닙니다.', en: 'This reviewer is not on the panel.' },
  conflict_of_interest: {
    ko: '이해관계로 제척 대상입니다: {reason}',
    en: 'Excluded for a conflict of interest: {reason}',
  },
  objection_decided: { ko: '이미 결정된 기피신청입니다.', en: 'This objection has already been decided.' },
  panel_stage_taken: {
    ko: '이 공고에는 이미 같은 단계의 평가위원회가 있습니다.',
    en: 'This call already has a panel for that stage.',
  },
  application_not_evaluated: {
    ko: '평가 대상이 아닌 신청서입니다.',
    en: 'This application is not under evaluation.',
  },
  results_incomplete: {
    ko: '평가가 끝나지 않은 신청서가 {count}건 있습니다.',
    en: '{count} applications are not fully scored yet.',
  },
  call_undecided: {
    ko: '선정 결정이 없는 신청서가 {count}건 있어 결과를 발표할 수 없습니다.',
    en: '{count} applications have no decision yet; the results cannot be announced.',
  },
  internal: {
    ko: '일시적인 오류가 발생했습니다. 문제가 계속되면 요청 ID와 함께 문의해 주세요.',
    en: 'Something went wrong. If it persists, contact us with the request id.',
  },
};

/** Field-level messages used when mapping zod issues. */
const fieldMessages: Record<string, Record<Lang, string>> = {
  invalid_type: { ko: '형식이 올바르지 않습니다.', en: 'Wrong type.' },
  required: { ko: '필수 항목입니다.', en: 'This field is required.' },
  too_small: { ko: '값이 너무 짧거나 작습니다.', en: 'Too short or too small.' },
  too_big: { ko: '값이 너무 길거나 큽니다.', en: 'Too long or too large.' },
  invalid_format: { ko: '형식이 올바르지 않습니다.', en: 'Invalid format.' },
  invalid_value: { ko: '허용되지 않는 값입니다.', en: 'Value not allowed.' },
  unrecognized_keys: { ko: '알 수 없는 항목이 있습니다.', en: 'Unknown field.' },
  custom: { ko: '값이 올바르지 않습니다.', en: 'Invalid value.' },
};

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'ko';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ko';
}

export function message(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = messages[code] ?? fieldMessages[code] ?? messages.bad_request;
  return entry[lang].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}

export function fieldMessage(code: string, lang: Lang): string {
  return (fieldMessages[code] ?? fieldMessages.custom)[lang];
}

export type { Lang };

/** Codes used as zod custom messages in src/shared/validators.ts and the contracts. */
const customFieldMessages: Record<string, Record<Lang, string>> = {
  brn_format: {
    ko: '사업자등록번호는 숫자 10자리입니다.',
    en: 'A business registration number has 10 digits.',
  },
  brn_checksum: {
    ko: '사업자등록번호 검증번호가 맞지 않습니다.',
    en: 'The business registration number fails its checksum.',
  },
  crn_format: {
    ko: '법인등록번호는 숫자 13자리입니다.',
    en: 'A corporate registration number has 13 digits.',
  },
  crn_checksum: {
    ko: '법인등록번호 검증번호가 맞지 않습니다.',
    en: 'The corporate registration number fails its checksum.',
  },
  date_format: { ko: '날짜는 YYYY-MM-DD 형식입니다.', en: 'Dates are YYYY-MM-DD.' },
  ksic_unknown: { ko: '알 수 없는 업종(KSIC) 코드입니다.', en: 'Unknown KSIC industry code.' },
  district_unknown: { ko: '알 수 없는 자치구입니다.', en: 'Unknown district.' },
  phone_format: { ko: '전화번호 형식이 올바르지 않습니다.', en: 'Invalid phone number.' },
  email_format: { ko: '이메일 형식이 올바르지 않습니다.', en: 'Invalid email address.' },
  url_format: { ko: '주소(URL) 형식이 올바르지 않습니다.', en: 'Invalid URL.' },
  empty_patch: { ko: '변경할 항목이 없습니다.', en: 'Nothing to change.' },
  password_too_short: {
    ko: '비밀번호는 12자 이상이어야 합니다.',
    en: 'Passwords need at least 12 characters.',
  },
  password_too_long: {
    ko: '비밀번호는 128자 이하여야 합니다.',
    en: 'Passwords may have at most 128 characters.',
  },
  password_common: {
    ko: '너무 흔한 비밀번호입니다. 다른 비밀번호를 사용해 주세요.',
    en: 'This password is too common. Choose another.',
  },
  password_contains_email: {
    ko: '비밀번호에 이메일 아이디를 넣을 수 없습니다.',
    en: 'The password must not contain your email name.',
  },
  consent_required: { ko: '필수 동의 항목입니다.', en: 'This consent is required.' },
  program_code_format: {
    ko: '사업 코드는 영문 대문자 2~6자입니다(예: AIX).',
    en: 'Program codes are 2–6 capital letters (e.g. AIX).',
  },
  closes_before_opens: {
    ko: '마감 시각은 접수 시작 시각보다 늦어야 합니다.',
    en: 'The closing time must be after the opening time.',
  },
  duplicate_key: { ko: '항목 키가 중복됩니다.', en: 'Duplicate field key.' },
  options_required: { ko: '선택 항목에는 보기가 필요합니다.', en: 'Choice fields need options.' },
  company_field_required: {
    ko: '가져올 기업 정보 항목을 고르세요.',
    en: 'Choose the company field to prefill.',
  },
  key_format: {
    ko: '키는 영문 소문자로 시작하는 40자 이하입니다.',
    en: 'Keys start with a lower-case letter, at most 40 characters.',
  },
  unknown_field: { ko: '양식에 없는 항목입니다.', en: 'This field is not in the form.' },
  due_in_past: { ko: '기한은 지금보다 뒤여야 합니다.', en: 'The due date must be in the future.' },
  unknown_column: { ko: '알 수 없는 열입니다.', en: 'Unknown column.' },
  duplicate_in_file: {
    ko: '파일 안에서 같은 기업(사업자등록번호)이 중복됩니다.',
    en: 'The same company (business registration number) appears twice in the file.',
  },
  number_format: { ko: '숫자 형식이 올바르지 않습니다.', en: 'Invalid number.' },
  code_format: {
    ko: '코드는 영문자로 시작하는 영문·숫자입니다.',
    en: 'Codes are letters and digits, starting with a letter.',
  },
  duplicate_code: { ko: '평가항목 코드가 중복됩니다.', en: 'Duplicate criterion code.' },
  unknown_criterion: { ko: '평가표에 없는 항목입니다.', en: 'This criterion is not in the rubric.' },
  points_out_of_range: {
    ko: '배점 범위를 벗어난 점수입니다.',
    en: 'The points are outside the criterion’s range.',
  },
  unanswered: { ko: '점수를 입력하지 않은 항목입니다.', en: 'Not scored yet.' },
  boolean_format: { ko: 'Y/N, 예/아니오, O/X 중 하나로 입력해 주세요.', en: 'Use Y/N, yes/no or O/X.' },
  size_class_unknown: {
    ko: '기업규모는 소기업·중기업·중견기업·대기업 중 하나입니다.',
    en: 'Size class must be small, medium, midsize or large.',
  },
  masked_value: {
    ko: '마스킹된 값(*)은 가져올 수 없습니다. 원본 값을 입력해 주세요.',
    en: 'Masked values (*) cannot be imported; use the original value.',
  },
  mapping_invalid: { ko: '열 연결(매핑)을 확인해 주세요.', en: 'Please check the column mapping.' },
  association_required: { ko: '협단체를 선택해 주세요.', en: 'Please choose an association.' },
  points_required: {
    ko: '점수가 있는 보기가 하나 이상 필요합니다.',
    en: 'At least one option must be worth points.',
  },
  stages_order: {
    ko: '단계는 1부터 차례로, 기준 점수는 0에서 시작해 커져야 합니다.',
    en: 'Stages run from 1 in order; thresholds start at 0 and increase.',
  },
  unknown_option: { ko: '보기에 없는 값입니다.', en: 'This is not one of the options.' },
  exclusive_option: {
    ko: '‘해당 없음’은 다른 보기와 함께 고를 수 없습니다.',
    en: '“None of these” cannot be combined with other options.',
  },
  unknown_dimension: { ko: '진단 도구에 없는 영역입니다.', en: 'This area is not in the instrument.' },
  invitation_target: {
    ko: '초대할 기업 또는 이메일을 지정해 주세요.',
    en: 'Choose a company or an email address to invite.',
  },
  outbox_not_failed: {
    ko: '실패한 메일만 다시 보낼 수 있습니다.',
    en: 'Only a failed message can be retried.',
  },
  signup_token_invalid: {
    ko: '회원가입 링크가 만료되었거나 이미 사용되었습니다. 회원가입을 다시 요청해 주세요.',
    en: 'This sign-up link has expired or was already used. Please sign up again.',
  },
  reset_token_invalid: {
    ko: '비밀번호 재설정 링크가 만료되었거나 이미 사용되었습니다. 다시 요청해 주세요.',
    en: 'This password-reset link has expired or was already used. Please ask for a new one.',
  },
  demo_account: {
    ko: '데모 계정은 비밀번호를 바꾸거나 탈퇴할 수 없습니다.',
    en: 'Demo accounts cannot change their password or leave.',
  },
  password_wrong: { ko: '비밀번호가 올바르지 않습니다.', en: 'The password is incorrect.' },
  invitation_invalid: {
    ko: '이 기업의 등록 이메일로 보낸 초대가 아니거나 이미 사용된 초대입니다.',
    en: "This is not an invitation sent to the company's registered email, or it was already used.",
  },
  date_in_future: { ko: '오늘 이후 날짜는 입력할 수 없습니다.', en: 'The date cannot be in the future.' },
  export_reason_short: {
    ko: '사유를 10자 이상 구체적으로 적어 주세요.',
    en: 'Describe the reason in at least 10 characters.',
  },
};
Object.assign(fieldMessages, customFieldMessages);

/** A zod issue's message is either one of our codes or zod's default English text. */
export function zodFieldMessage(issueCode: string, msg: string, lang: Lang): string {
  if (fieldMessages[msg]) return fieldMessages[msg][lang];
  if (/received undefined/.test(msg)) return fieldMessages.required[lang];
  // an empty text where at least one character is needed reads better as "required"
  if (issueCode === 'too_small' && /expected string to have >=1 characters/.test(msg))
    return fieldMessages.required[lang];
  return fieldMessage(issueCode, lang);
}
