import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FieldRows } from '../../../components/FieldRows';
import { PageHeader } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Call } from '../../programs/api/calls';
import type { Application } from '../api/applications';
import { pick } from './answer-view';
import { WithApplication } from './WithApplication';
import '../styles/receipt.css';

/** The label of a document's field: a form file field or a required document of the call. */
function documentLabel(call: Call, key: string) {
  const lang = currentLang();
  for (const s of call.form.sections) for (const f of s.fields) if (f.key === key) return pick(f.label, lang);
  const d = call.requiredDocuments.find((x) => x.key === key);
  return d ? pick(d, lang) : key;
}

function ReceiptSheet({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const receiptNo = app.receiptNo ?? '';
  return (
    <div className="app-receipt-sheet">
      <p className="app-breadcrumb app-noprint">
        <Link to={`/applications/${app.id}`} className="app-link">
          {t('appForm.receipt.back')}
        </Link>
      </p>
      <PageHeader
        title={t('appForm.receipt.title')}
        docTitle={t('appForm.receipt.docTitle', { title: app.callTitle })}
        actions={
          <button
            type="button"
            className="krds-btn medium primary app-noprint"
            onClick={() => window.print()}
          >
            {t('appForm.receipt.print')}
          </button>
        }
      />
      <FieldRows
        rows={[
          { label: t('appForm.receipt.call'), value: app.callTitle },
          { label: t('appForm.receipt.company'), value: app.companyName },
          {
            label: t('appForm.receipt.receiptNo'),
            value: <strong className="app-receipt-sheet__no">{receiptNo}</strong>,
          },
          { label: t('appForm.receipt.submittedAt'), value: formatDateTime(app.submittedAt, lang) },
          {
            label: t('appForm.receipt.documents'),
            value:
              app.files.length === 0 ? (
                t('appForm.receipt.noDocuments')
              ) : (
                <ul className="app-list">
                  {app.files.map((f) => (
                    <li key={f.fileId}>
                      {documentLabel(call, f.fieldKey)}: {f.name}
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: t('appForm.receipt.agency'), value: t('appForm.receipt.agencyName') },
        ]}
      />
      <p className="app-muted">{t('appForm.receipt.issuedNote')}</p>
    </div>
  );
}

/** The printable 접수증 of a submitted application (one A4 page, without the app's header and footer). */
export function ReceiptPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <WithApplication id={id}>
      {(app, call) =>
        app.receiptNo ? (
          <ReceiptSheet app={app} call={call} />
        ) : (
          <>
            <PageHeader title={t('appForm.receipt.title')} />
            <Alert tone="info" live={false}>
              <p>{t('appForm.receipt.notSubmitted')}</p>
              <p>
                <Link to={`/applications/${app.id}`} className="app-link">
                  {t('appForm.receipt.toForm')}
                </Link>
              </p>
            </Alert>
          </>
        )
      }
    </WithApplication>
  );
}
