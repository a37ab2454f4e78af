/** A look-up from a vocabulary's slugs to their display text; an unknown slug shows as itself. */
export function labelFrom<T extends { slug: string }>(
  list: readonly T[],
  label: (item: T) => string,
) {
  const map = new Map(list.map((item) => [item.slug, label(item)]));
  return (slug: string) => map.get(slug) ?? slug;
}
