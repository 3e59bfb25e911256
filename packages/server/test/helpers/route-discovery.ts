/** One operation of the OpenAPI document, as the access-matrix test drives it. */
export type DiscoveredRoute = {
  method: string;
  path: string;
  params: string[];
  isSecured: boolean;
  bodySchema: object | undefined;
};

export type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        security?: unknown[];
        requestBody?: { content?: Record<string, { schema?: object }> };
      }
    >
  >;
  components?: { schemas?: Record<string, object> };
};

export function discoverRoutes(document: OpenApiDocument): DiscoveredRoute[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      params: (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name),
      isSecured: (operation.security ?? []).length > 0,
      bodySchema: operation.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** Every assignment of fixture values to the route's path parameters. */
export function combinations(
  params: readonly string[],
  fixtures: Record<string, readonly string[]>,
): Record<string, string>[] {
  return params.reduce<Record<string, string>[]>(
    (sets, name) => {
      const values = fixtures[name];
      if (values === undefined)
        throw new Error(
          `no fixture for path parameter "${name}": add it to an AccessFixture in helpers/access-fixtures.ts`,
        );
      return sets.flatMap((set) => values.map((value) => ({ ...set, [name]: value })));
    },
    [{}],
  );
}

export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? '');

/** A count/total field that disagrees with the items it sits next to (a count leak). */
export function findCountMismatch(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const object = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(object)) {
    if (
      /^(count|total|totalCount|size)$/i.test(key) &&
      typeof field === 'number' &&
      Array.isArray(object.items) &&
      field !== object.items.length
    ) {
      return `${key}=${field} but ${object.items.length} items`;
    }
    const nested = findCountMismatch(field);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
