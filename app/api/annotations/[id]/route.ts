import {
  deleteAnnotationRequest,
  getAnnotationRequest,
  updateAnnotationRequest,
} from '@/lib/api/annotations-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** One note: read it, or change or delete one's own (docs/api.md, "Annotations"). */
export async function GET(_request: Request, context: Context): Promise<Response> {
  return getAnnotationRequest((await context.params).id);
}

export async function PATCH(request: Request, context: Context): Promise<Response> {
  return updateAnnotationRequest(request, (await context.params).id);
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  return deleteAnnotationRequest(request, (await context.params).id);
}
