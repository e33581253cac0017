import { DashboardSkeleton } from '@/components/analysis/dashboard-skeleton';

export default function Loading() {
  return <DashboardSkeleton />;
}
