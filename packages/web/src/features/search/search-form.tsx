import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

/**
 * The negotiation's search box, in its heading on every page: it opens the results page, whose
 * address holds the words, so a search can be bookmarked, shared with a colleague and gone back to.
 */
export function SearchForm({ negotiationId }: { negotiationId: string }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = query.trim();
    if (words.length === 0) return;
    void navigate(`/n/${encodeURIComponent(negotiationId)}/search?q=${encodeURIComponent(words)}`);
  };
  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor="negotiation-search" className="visually-hidden">
        Search this negotiation
      </label>
      <input
        id="negotiation-search"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search this negotiation"
        maxLength={200}
      />
      <button type="submit">Search</button>
    </form>
  );
}
