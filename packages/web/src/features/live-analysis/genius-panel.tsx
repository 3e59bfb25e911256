import {
  offersLabels,
  type GeniusPreview,
  type LiveIssue,
  type PlanVersionId,
  type PointId,
} from '@parley/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { fileToBase64 } from '../../api/file-base64';
import { chosenId } from '../../api/read-id';
import { geniusDownloadUrl, importGenius, previewGenius } from '../../api/live-genius-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';

type Props = {
  negotiationId: string;
  versionId: PlanVersionId;
  points: readonly LiveIssue[];
  nameOf: (point: LiveIssue) => string;
  canManage: boolean;
  onImported: () => void;
};

/**
 * The live issues as a GENIUS scenario folder: anyone reads them out (with the profiles they may
 * read); the mediator's staff start a version's issues from a folder, mapping each GENIUS issue
 * onto a point. Profiles in the folder are never imported by the mediator. The page is read by a
 * mediator, not a researcher: "GENIUS" only names the file format, as a file type would.
 */
export function GeniusPanel({ negotiationId, versionId, points, nameOf, canManage, onImported }: Props) {
  return (
    <section className="card" aria-labelledby="genius-heading">
      <h3 id="genius-heading">The issues in research tools</h3>
      <p>
        <a href={geniusDownloadUrl(negotiationId, versionId)} download>
          Download as a GENIUS scenario (for research tools)
        </a>{' '}
        <span className="muted">
          — a zip with the points that are issues, their options and the preferences you may see. On the{' '}
          <Link to="/analysis">Analysis</Link> page (choose NegMAS under Semantics) it gives the same packages
          as Suggested packages, with a chart of them and the trades worth making.
        </span>
      </p>
      {canManage && (
        <GeniusImport
          negotiationId={negotiationId}
          versionId={versionId}
          points={points}
          nameOf={nameOf}
          onImported={onImported}
        />
      )}
    </section>
  );
}

function GeniusImport({ negotiationId, versionId, points, nameOf, onImported }: Omit<Props, 'canManage'>) {
  const [archive, setArchive] = useState('');
  const [preview, setPreview] = useState<GeniusPreview | undefined>();
  const [mapping, setMapping] = useState<Record<string, PointId | ''>>({});
  const reading = useFormSubmission();
  const importing = useFormSubmission();
  const onRead = reading.submit(async () => {
    setPreview(undefined);
    const read = await previewGenius(negotiationId, versionId, archive);
    setMapping(Object.fromEntries(read.issues.map((issue) => [issue.name, issue.suggestedPointId ?? ''])));
    setPreview(read);
  }, 'File read: choose the point each of its issues becomes.');
  const onImport = importing.submit(async () => {
    await importGenius(negotiationId, versionId, {
      archive,
      mapping: Object.entries(mapping).map(([issue, pointId]) => ({
        issue,
        pointId: pointId === '' ? null : pointId,
      })),
    });
    onImported();
  }, 'Options set from the file.');
  return (
    <>
      <form className="form" onSubmit={onRead} aria-label="Set the options from a file">
        <h4>Set the options from a file</h4>
        <p className="muted">
          Issues and options prepared in a research tool, as a GENIUS scenario: nothing changes until you have
          chosen the point each issue becomes.
        </p>
        <label>
          GENIUS scenario (zip)
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              setPreview(undefined);
              setArchive(file === undefined ? '' : await fileToBase64(file));
            }}
          />
        </label>
        <FormMessage message={reading.message} />
        <button type="submit" disabled={reading.busy || archive === ''}>
          {reading.busy ? 'Reading…' : 'Read the file'}
        </button>
      </form>
      {preview !== undefined && (
        <form className="form" onSubmit={onImport} aria-label="Choose the point each issue becomes">
          <table>
            <caption>The point each issue in the file becomes</caption>
            <thead>
              <tr>
                <th scope="col">Issue in the file</th>
                <th scope="col">Options</th>
                <th scope="col">Point</th>
              </tr>
            </thead>
            <tbody>
              {preview.issues.map((issue) => (
                <tr key={issue.name}>
                  <th scope="row">{issue.name}</th>
                  <td>{issue.values.join(' · ')}</td>
                  <td>
                    <select
                      aria-label={`Point for “${issue.name}”`}
                      value={mapping[issue.name] ?? ''}
                      onChange={(event) =>
                        setMapping({
                          ...mapping,
                          [issue.name]: chosenId(
                            points.map((point) => point.pointId),
                            event.target.value,
                          ),
                        })
                      }
                    >
                      <option value="">Leave out</option>
                      {points.map((point) => (
                        <option key={point.pointId} value={point.pointId}>
                          {nameOf(point)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {replaced(preview.issues, mapping, points).map(({ point, wasRange }) => (
            <p key={point.pointId} className="warning" role="note">
              Point {nameOf(point)} gets other options: the preferences that rate it stop counting in the
              suggested packages until each delegation rates the new ones
              {wasRange ? ', and it is no longer a numeric range (no blind bids on it)' : ''}.
            </p>
          ))}
          {preview.profileFiles.length > 0 && (
            <p className="muted">
              The file also holds preferences ({preview.profileFiles.join(', ')}); they are not used: each
              delegation states its own.
            </p>
          )}
          <FormMessage message={importing.message} />
          <button type="submit" disabled={importing.busy}>
            {importing.busy ? 'Importing…' : 'Set the options'}
          </button>
        </form>
      )}
    </>
  );
}

/**
 * Mapped points whose options the import changes (a point given the labels it already has, a range
 * included, is left as it is by the server): what the mediator should know before confirming.
 */
function replaced(
  issues: GeniusPreview['issues'],
  mapping: Record<string, string>,
  points: readonly LiveIssue[],
): { point: LiveIssue; wasRange: boolean }[] {
  return issues.flatMap((issue) => {
    const point = points.find((candidate) => candidate.pointId === mapping[issue.name]);
    if (point === undefined || point.definition === null || offersLabels(point.definition, issue.values))
      return [];
    return [{ point, wasRange: point.definition.kind === 'range' }];
  });
}
