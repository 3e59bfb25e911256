import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import { AuditPage } from '../features/audit/audit-page';
import { ComparePage } from '../features/compare/compare-page';
import { DraftPage } from '../features/drafting/draft-page';
import { DocumentPage } from '../features/document/document-page';
import { ReviseTextPage } from '../features/drafting/revise-text-page';
import { ImportPlanPage } from '../features/drafting/import-plan-page';
import { BlindBidsPage } from '../features/live-analysis/blind-bids-page';
import { IssuesPage } from '../features/live-analysis/issues-page';
import { LiveAnalysisPage } from '../features/live-analysis/live-analysis-page';
import { PreferencesPage } from '../features/live-analysis/preferences-page';
import { ExportsPage } from '../features/exports/exports-page';
import { LeakTracingPage } from '../features/exports/leak-tracing-page';
import { NegotiationLayout } from '../features/negotiation/negotiation-layout';
import { NegotiationsPage } from '../features/negotiations/negotiations-page';
import { NewNegotiationPage } from '../features/negotiations/new-negotiation-page';
import { InvitationPage } from '../features/accounts/invitation-page';
import { DeadlinesPage } from '../features/deadlines/deadlines-page';
import { DelegationsPage } from '../features/delegations/delegations-page';
import { SettingsPage } from '../features/settings/settings-page';
import { OverviewPage } from '../features/overview/overview-page';
import { PlanPage } from '../features/plan/plan-page';
import { PointPage } from '../features/point/point-page';
import { RecordsPage } from '../features/records/records-page';
import { SearchPage } from '../features/search/search-page';
import { TimelinePage } from '../features/timeline/timeline-page';
import { usePageTitle } from '../components/page-title';
import { Layout } from './layout';
import { lazyPage } from './page-loader';

// The analysis page is fetched when first opened: it alone draws charts, and the charts library is
// larger than the rest of the app (see page-loader.tsx).
const AnalysisPage = lazyPage(() => import('../features/analysis/analysis-page'), 'AnalysisPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/signin" element={<AfterSignIn />} />
        <Route path="/register" element={<RegisterDone />} />
        <Route path="/" element={<NegotiationsPage />} />
        <Route path="/analysis" element={<AnalysisPage />} />
        <Route path="/new" element={<NewNegotiationPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/n/:negotiationId" element={<NegotiationLayout />}>
          <Route index element={<OverviewPage />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="plan/import" element={<ImportPlanPage />} />
          <Route path="plan/draft" element={<DraftPage />} />
          <Route path="plan/revise" element={<ReviseTextPage />} />
          <Route path="plan/document" element={<DocumentPage />} />
          <Route path="points/:pointId" element={<PointPage />} />
          <Route path="compare" element={<ComparePage />} />
          <Route path="timeline" element={<TimelinePage />} />
          <Route path="records" element={<RecordsPage />} />
          <Route path="deadlines" element={<DeadlinesPage />} />
          <Route path="delegations" element={<DelegationsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="issues" element={<IssuesPage />} />
          <Route path="preferences" element={<PreferencesPage />} />
          <Route path="packages" element={<LiveAnalysisPage />} />
          <Route path="bids" element={<BlindBidsPage />} />
          <Route path="exports" element={<ExportsPage />} />
          <Route path="leaks" element={<LeakTracingPage />} />
          <Route path="search" element={<SearchPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Once signed in, go where the visitor was heading (only same-site paths). */
function AfterSignIn() {
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <Navigate to={next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />
  );
}

function RegisterDone() {
  return <Navigate to="/" replace />;
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        This page does not exist. <a href="/">Back to your negotiations</a>
      </p>
    </div>
  );
}
