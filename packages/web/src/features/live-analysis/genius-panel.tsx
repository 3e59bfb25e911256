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
 * onto a point. Profiles in the folder are never imported by the mediator.
 */
export function GeniusPanel({ negotiationId, versionId, points, nameOf, canManage, onImported }: Props) {
  return (
    <section className="card" aria-labelledby="genius-heading">
      <h3 id="genius-heading">GENIUS scenario</h3>
      <p>
        <a href={geniusDownloadUrl(negotiationId, versionId)} download>
          Download GENIUS scenario
        </a>{' '}
        <span className="muted">
          (the issues, and the preferences you may read: upload it on the <Link to="/analysis">Analysis</Link>{' '}
          page, with the NegMAS semantics, for its Pareto frontier and trades, the same packages as here;
          GENIUS and NegMAS read it too)
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
  }, 'Folder read: confirm where each issue goes.');
  const onImport = importing.submit(async () => {
    await importGenius(negotiationId, versionId, {
      archive,
      mapping: Object.entries(mapping).map(([issue, pointId]) => ({
        issue,
        pointId: pointId === '' ? null : pointId,
      })),
    });
    onImported();
  }, 'Options set from the GENIUS scenario.');
  return (
    <>
      <form className="form" onSubmit={onRead} aria-label="Start from a GENIUS scenario">
        <h4>Start from a GENIUS scenario</h4>
        <label>
          GENIUS folder (zip)
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
          {reading.busy ? 'Reading…' : 'Read the folder'}
        </button>
      </form>
      {preview !== undefined && (
        <form className="form" onSubmit={onImport} aria-label="Confirm the GENIUS mapping">
          <table>
            <caption>Where each issue of {preview.domainFile} goes</caption>
            <thead>
              <tr>
                <th scope="col">GENIUS issue</th>
                <th scope="col">Values</th>
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
              analysis until each delegation rates the new ones
              {wasRange ? ', and it is no longer a numeric range (no blind bids on it)' : ''}.
            </p>
          ))}
          {preview.profileFiles.length > 0 && (
            <p className="muted">
              Profiles in the folder ({preview.profileFiles.join(', ')}) are not imported: each delegation
              enters its own preferences.
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
