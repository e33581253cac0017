import { createAnnotationRequest, listAnnotationsRequest } from '@/lib/api/annotations-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The team's notes (docs/api.md, "Annotations"): list them, or write one. */
export const GET = listAnnotationsRequest;
export const POST = createAnnotationRequest;
