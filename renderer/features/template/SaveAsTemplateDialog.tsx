import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { describeTemplate, type TemplateCapture } from '@shared/domain/template';
import { repositories } from '../../data';
import { Dialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { saveErrorMessage } from '../../app/form-parts';

/**
 * Shows what the engagement's model would become as the workspace template (and what
 * changes on the way) before saving it; refuses, with the reason, when it cannot.
 */
export function SaveAsTemplateDialog({
  engagementId,
  engagementName,
  onClose,
}: {
  engagementId: string;
  engagementName: string;
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const [preview, setPreview] = useState<TemplateCapture | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    repositories.template.previewFromEngagement(engagementId).then(
      (result) => !cancelled && setPreview(result),
      (error: unknown) => !cancelled && setFailure(saveErrorMessage(error, 'engagement')),
    );
    return () => {
      cancelled = true;
    };
  }, [engagementId]);

  async function save() {
    setSaving(true);
    try {
      const result = await repositories.template.saveFromEngagement(engagementId);
      if (result.ok) {
        notify('success', `New engagements now start from the model of ${engagementName}.`);
        onClose();
      } else {
        // The model changed in another window since the preview; show the new reasons.
        setPreview(result);
      }
    } catch (error) {
      setFailure(saveErrorMessage(error, 'template'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog
      title="Save as the engagement template"
      narrow
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={saving || !preview?.ok} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save as template'}
          </button>
        </>
      }
    >
      <div className="stack" data-testid="save-template-preview">
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        {!preview && !failure && (
          <p className="muted" aria-busy="true">
            Reading the operating model…
          </p>
        )}
        {preview?.ok === true && (
          <>
            <p>
              New engagements will start with {describeTemplate(preview.template)}, as {engagementName} has them today. Engagements that
              already exist keep their own model; the <Link href="/template">template page</Link> shows what it holds.
            </p>
            {preview.notes.length > 0 && (
              <>
                <p style={{ marginBottom: 0 }}>On the way, people give way to roles:</p>
                <ul style={{ marginTop: 0 }}>
                  {preview.notes.map((note, index) => (
                    <li key={index}>{note}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {preview?.ok === false && (
          <div role="alert">
            <p className="field-error">This model cannot become the template yet:</p>
            <ul>
              {preview.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Dialog>
  );
}
