import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LiveStatus } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { currentLang } from '../../../i18n';
import type { CallAttachment } from '../api/call-admin';
import { callAttachmentUrl, useUploadCallAttachment } from '../api/call-admin';
import { fileSizeText } from './call-ui';
import { move, useErr } from './editor-model';
import { ReorderButtons } from './ReorderButtons';

const ACCEPT = '.pdf,.hwp,.hwpx,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip,.jpg,.jpeg,.png';

/** 공고 첨부파일: upload at once (type and size checked by the server), reorder, remove; saved with the call. */
export function AttachmentsEditor({
  callId,
  savedIds,
  files,
  onChange,
}: {
  /** the saved call, for download links of files already attached to it */
  callId?: string;
  savedIds: string[];
  files: CallAttachment[];
  onChange: (f: CallAttachment[]) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const err = useErr();
  const upload = useUploadCallAttachment();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="app-stack">
      <TextField
        ref={input}
        id="call-attachment"
        type="file"
        label={t('callEditor.files.upload')}
        hint={t('callEditor.files.hint')}
        error={err('attachmentIds')}
        accept={ACCEPT}
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file)
            upload.mutate(file, {
              onSuccess: (a) => onChange([...files, a]),
            });
          if (input.current) input.current.value = '';
        }}
      />
      {upload.error && <ErrorAlert error={upload.error} />}
      <LiveStatus>
        {upload.isPending
          ? t('callEditor.files.uploading')
          : upload.isSuccess
            ? t('callEditor.files.uploaded', { name: upload.data.name })
            : ''}
      </LiveStatus>
      {files.length === 0 ? (
        <p className="app-muted">{t('callEditor.files.none')}</p>
      ) : (
        <ul className="ce-list" aria-label={t('callEditor.files.listLabel')}>
          {files.map((f, i) => (
            <li key={f.id} className="ce-file">
              <span>
                {callId && savedIds.includes(f.id) ? (
                  <a className="app-link" href={callAttachmentUrl(callId, f.id)} download>
                    {f.name}
                  </a>
                ) : (
                  f.name
                )}{' '}
                <span className="app-muted">({fileSizeText(f.size, lang)})</span>
              </span>
              <ReorderButtons
                id={`att-${f.id}`}
                name={f.name}
                index={i}
                count={files.length}
                onMove={(d) => onChange(move(files, i, d))}
                onRemove={() => onChange(files.filter((x) => x.id !== f.id))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
