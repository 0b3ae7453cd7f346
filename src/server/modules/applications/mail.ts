/**
 * Mail texts of the applications module. The receipt mail is queued inside the submit statement, so its
 * texts are parameters around the receipt number and time that only the statement knows.
 */
export function receiptMailTexts(callTitle: string) {
  return {
    /** subject = subjectBeforeReceipt + receipt number */
    subjectBeforeReceipt: '[잇다] 신청 접수 완료 — ',
    /** body = bodyBeforeReceipt + receipt number + bodyBeforeTime + submitted-at (ISO, UTC) + bodyEnd */
    bodyBeforeReceipt: `${callTitle}\n접수번호: `,
    bodyBeforeTime: '\n접수시각: ',
    bodyEnd: '\n\n신청 현황은 잇다 > 내 신청에서 확인할 수 있습니다.',
  };
}
