import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert, LiveStatus } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { brn, formatDateTime } from '../../../lib/format';
import { type MyClaim, useMyClaims, useUploadClaimDocument, useWithdrawClaim } from '../api/claims';

/** A pending claim: what happens next, the 사업자등록증 upload that speeds it up, and withdrawal. */
function PendingClaim({ claim }: { claim: MyClaim }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const upload = useUploadClaimDocument();
  const withdraw = useWithdrawClaim();
  const input = useRef<HTMLInputElement>(null);
  const fieldId = `claim-doc-${claim.id}`;
  return (
    <Alert
      tone="warning"
      live={false}
      title={t('claims.mine.pendingTitle', { name: claim.companyName, brn: brn(claim.brn) })}
    >
      <p>{t(claim.hasOwner ? 'claims.mine.pendingOwner' : 'claims.mine.pendingStaff')}</p>
      <p className="app-muted">{t('claims.mine.since', { when: formatDateTime(claim.createdAt, lang) })}</p>
      {claim.document ? (
        <p>{t('claims.mine.documentSent', { name: claim.document.name })}</p>
      ) : (
        <p>{t('claims.mine.documentAsk')}</p>
      )}
      <TextField
        ref={input}
        id={fieldId}
        type="file"
        label={claim.document ? t('claims.mine.documentReplace') : t('claims.mine.documentUpload')}
        hint={t('claims.mine.documentHint')}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file)
            upload.mutate(
              { id: claim.id, file },
              {
                onSettled: () => {
                  if (input.current) input.current.value = '';
                },
              },
            );
        }}
      />
      <LiveStatus>{upload.isSuccess ? t('claims.mine.documentDone') : ''}</LiveStatus>
      <ErrorAlert error={upload.error} />
      <p>
        <button
          type="button"
          className="krds-btn small secondary"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate(claim.id)}
        >
          {t('claims.mine.withdraw')}
          <span className="sr-only">: {claim.companyName}</span>
        </button>
      </p>
      <ErrorAlert error={withdraw.error} />
    </Alert>
  );
}

/** The caller's claims that are not (yet) memberships: pending ones, and the latest rejections. */
export function MyClaims() {
  const { t } = useTranslation();
  const claims = useMyClaims();
  if (claims.error) return <ErrorAlert error={claims.error} />;
  const items = (claims.data?.items ?? []).filter((c) => c.status === 'pending' || c.status === 'rejected');
  // a rejection stops mattering once the same firm is asked for again
  const shown = items.filter(
    (c) =>
      c.status === 'pending' || !items.some((o) => o.companyId === c.companyId && o.status === 'pending'),
  );
  if (shown.length === 0) return null;
  return (
    <Section id="claims" title={t('claims.mine.title')}>
      {shown.map((c) =>
        c.status === 'pending' ? (
          <PendingClaim key={c.id} claim={c} />
        ) : (
          <Alert
            key={c.id}
            tone="error"
            live={false}
            title={t('claims.mine.rejectedTitle', { name: c.companyName, brn: brn(c.brn) })}
          >
            {c.reason && <p>{t('claims.mine.rejectedReason', { reason: c.reason })}</p>}
            <p>{t('claims.mine.rejectedNext')}</p>
          </Alert>
        ),
      )}
    </Section>
  );
}
