import { useTranslation } from 'react-i18next';
import { Check, TextField } from '../../../components/Field';
import { type EDocument, freshKey, move, uid, useErr } from './editor-model';
import { ReorderButtons } from './ReorderButtons';

/** 제출 서류: key, names in both languages, required or optional. Applicants upload one file per document. */
export function DocumentsEditor({
  docs,
  onChange,
}: {
  docs: EDocument[];
  onChange: (d: EDocument[]) => void;
}) {
  const { t } = useTranslation();
  const err = useErr();
  const set = (d: EDocument) => onChange(docs.map((x) => (x.uid === d.uid ? d : x)));
  const add = () => {
    const d: EDocument = {
      uid: uid(),
      key: freshKey(
        'doc',
        docs.map((x) => x.key),
      ),
      ko: '',
      en: '',
      required: true,
    };
    onChange([...docs, d]);
    requestAnimationFrame(() => document.getElementById(`doc-${d.uid}-ko`)?.focus());
  };
  return (
    <div className="app-stack">
      {err('requiredDocuments') && (
        <p className="form-hint-invalid" role="alert">
          {err('requiredDocuments')?.message}
        </p>
      )}
      {docs.length === 0 && <p className="app-muted">{t('calls.noDocuments')}</p>}
      <ol className="ce-list">
        {docs.map((d, i) => {
          const id = `doc-${d.uid}`;
          const name = d.ko || t('callEditor.docs.untitled', { n: i + 1 });
          return (
            <li key={d.uid} className="ce-item" aria-labelledby={`${id}-h`}>
              <div className="ce-item__head">
                <h3 className="app-h4" id={`${id}-h`}>
                  {t('callEditor.docs.heading', { n: i + 1, name })}
                </h3>
                <ReorderButtons
                  id={id}
                  name={name}
                  index={i}
                  count={docs.length}
                  onMove={(dir) => onChange(move(docs, i, dir))}
                  onRemove={() => onChange(docs.filter((x) => x.uid !== d.uid))}
                />
              </div>
              <div className="app-grid-3">
                <TextField
                  id={`${id}-ko`}
                  label={t('callEditor.docs.ko')}
                  required
                  value={d.ko}
                  error={err(`requiredDocuments.${i}.ko`)}
                  onChange={(e) => set({ ...d, ko: e.target.value })}
                />
                <TextField
                  id={`${id}-en`}
                  label={t('callEditor.docs.en')}
                  lang="en"
                  value={d.en}
                  error={err(`requiredDocuments.${i}.en`)}
                  onChange={(e) => set({ ...d, en: e.target.value })}
                />
                <TextField
                  id={`${id}-key`}
                  label={t('callEditor.docs.key')}
                  hint={t('callEditor.keyHint')}
                  required
                  autoComplete="off"
                  spellCheck={false}
                  value={d.key}
                  error={err(`requiredDocuments.${i}.key`)}
                  onChange={(e) => set({ ...d, key: e.target.value.trim() })}
                />
              </div>
              <Check
                id={`${id}-required`}
                label={t('callEditor.docs.required')}
                checked={d.required}
                onChange={(e) => set({ ...d, required: e.target.checked })}
              />
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className="krds-btn medium secondary" onClick={add}>
          {t('callEditor.docs.add')}
        </button>
      </div>
    </div>
  );
}
