/** Only same-site paths are accepted as the place to return to (`?next=`), never another origin. */
export function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}
