import { Navigate } from 'react-router';
import { homeOf } from '../auth';
import { useCurrentUser } from '../components/AppLayout';

export default function HomeRedirect() {
  return <Navigate to={homeOf(useCurrentUser().role)} replace />;
}
