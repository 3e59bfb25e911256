import { SEARCH_RESULT_KINDS, type SearchResult, type SearchResultKind } from '@parley/core';
import { Fragment, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchNegotiation } from '../../api/search-endpoints';
import { useResource } from '../../api/use-resource';
import { Show } from '../../components/status';
import { useNegotiation } from '../negotiation/negotiation-context';
import { searchResultLink, whereFound } from './search-link';

const HEADINGS: Record<SearchResultKind, string> = {
  point: 'Points',
  position: 'Positions',
  amendment: 'Amendments',
  statement: 'Statements',
  round: 'Rounds',
  escalation: 'Questions to the leaders',
  deadline: 'Deadlines',
  record: 'Records',
};

/** What the words found, grouped by kind: only what the server let this user read is here. */
export function SearchPage() {
  const { negotiation, tick } = useNegotiation();
  const query = (useSearchParams()[0].get('q') ?? '').trim();
  const results = useResource(async () => {
    // The server says why a query is refused; an empty one is simply not a search yet.
    if (query.length === 0) return undefined;
    return searchNegotiation(negotiation.id, query);
  }, [negotiation.id, query, tick]);

  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">{query.length === 0 ? 'Search' : `Search for “${query}”`}</h2>
      {query.length === 0 ? (
        <p className="muted">Type words in the search box above: every word must occur in what is found.</p>
      ) : (
        <Show resource={results} what="the search">
          {(found) =>
            found === undefined ? null : (
              <Results negotiationId={negotiation.id} results={found.results} truncated={found.truncated} />
            )
          }
        </Show>
      )}
    </section>
  );
}

function Results({
  negotiationId,
  results,
  truncated,
}: {
  negotiationId: string;
  results: readonly SearchResult[];
  truncated: boolean;
}) {
  if (results.length === 0)
    return (
      <p role="status">
        Nothing found. Every word must occur in one item; search looks only at what you may read.
      </p>
    );
  return (
    <>
      <p role="status" className="muted">
        {truncated
          ? `The first ${results.length} items found: add a word to narrow it down.`
          : `${results.length} found.`}
      </p>
      {SEARCH_RESULT_KINDS.filter((kind) => results.some((result) => result.kind === kind)).map((kind) => (
        <Fragment key={kind}>
          <h3>{HEADINGS[kind]}</h3>
          <ul className="search-results">
            {results
              .filter((result) => result.kind === kind)
              .map((result) => (
                <li key={`${result.kind}-${result.id}`} className="card">
                  <Link to={`/n/${encodeURIComponent(negotiationId)}/${searchResultLink(result)}`}>
                    <bdi>{result.title}</bdi>
                  </Link>
                  {result.current === false && <span className="muted"> · not in the newest version</span>}
                  <p className="search-snippet">
                    <bdi>
                      <Marked snippet={result.snippet} highlights={result.highlights} />
                    </bdi>{' '}
                    <span className="muted small">({whereFound(result.field)})</span>
                  </p>
                </li>
              ))}
          </ul>
        </Fragment>
      ))}
    </>
  );
}

/** The passage with the words found marked: offsets, never markup, come from the server. */
function Marked({ snippet, highlights }: { snippet: string; highlights: readonly [number, number][] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (from < at) continue;
    parts.push(<Fragment key={`t${at}`}>{snippet.slice(at, from)}</Fragment>);
    parts.push(<mark key={`m${from}`}>{snippet.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(<Fragment key={`t${at}`}>{snippet.slice(at)}</Fragment>);
  return <>{parts}</>;
}
