// The explorer reads the public GraphQL API only: every query below can be
// sent by any client to /graphql.

const endpoint = new URL("../graphql", window.location.href).pathname;

// gql posts a query and returns its data; it throws an Error carrying the
// GraphQL errors when there are any.
export async function gql(query, variables = {}) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (body.errors && body.errors.length) {
    const err = new Error(body.errors.map((e) => e.message).join("; "));
    err.errors = body.errors;
    throw err;
  }
  return body.data;
}

const NODE = `id kind label detail code level province years firstYear evidenceCount reportCount`;
const EDGE = `id kind source target years firstYear status evidenceCount`;
// What drawing needs: neighbourhoods ask for no more, since a large one
// holds thousands of nodes and tens of thousands of edges; the panel asks
// for the rest of the one selected.
const DRAWN_NODE = `id kind label evidenceCount`;
const DRAWN_EDGE = `kind source target`;

export function search(text, kinds) {
  return gql(
    `query($text: String!, $kinds: [NodeKind!]) {
      search(text: $text, kinds: $kinds, first: 12) { matched match node { ${NODE} } }
    }`,
    { text, kinds },
  ).then((d) => d.search);
}

export function neighbourhood(id, opts) {
  return gql(
    `query($id: ID!, $hops: Int, $kinds: [NodeKind!], $fromYear: Int, $toYear: Int, $limit: Int, $through: Boolean) {
      neighbourhood(id: $id, hops: $hops, kinds: $kinds, fromYear: $fromYear, toYear: $toYear, limit: $limit, throughReports: $through) {
        truncated nodes { ${DRAWN_NODE} } edges { ${DRAWN_EDGE} }
      }
    }`,
    {
      id,
      hops: opts.hops,
      kinds: opts.kinds,
      fromYear: opts.fromYear,
      toYear: opts.toYear,
      limit: opts.limit,
      through: opts.throughReports,
    },
  ).then((d) => d.neighbourhood);
}

const SENTENCE = `sentence section status index report { name title year jurisdiction { name fullName } }`;

export function nodeEvidence(id) {
  return gql(
    `query($id: ID!) {
      graphNode(id: $id) {
        ${NODE}
        evidence(first: 30) { ${SENTENCE} }
        entity {
          ... on Report { name title year published issuer source jurisdiction { fullName } }
          ... on Mechanism { aliases family { name } }
          ... on Jurisdiction { aliases parent { name } }
          ... on Body { aliases }
          ... on Document { aliases }
        }
      }
    }`,
    { id },
  ).then((d) => d.graphNode);
}

export function edgeEvidence(kind, source, target) {
  return gql(
    `query($kind: EdgeKind!, $source: ID!, $target: ID!) {
      graphEdge(kind: $kind, source: $source, target: $target) {
        ${EDGE}
        evidence(first: 30) { ${SENTENCE} }
        reports { name title year jurisdiction { fullName } }
      }
    }`,
    { kind, source, target },
  ).then((d) => d.graphEdge);
}

export function exportGraph(format, ids, opts) {
  return gql(
    `query($format: ExportFormat!, $ids: [ID!], $kinds: [NodeKind!], $fromYear: Int, $toYear: Int) {
      export(format: $format, ids: $ids, kinds: $kinds, fromYear: $fromYear, toYear: $toYear) { name mediaType content }
    }`,
    { format, ids, kinds: opts.kinds, fromYear: opts.fromYear, toYear: opts.toYear },
  ).then((d) => d.export);
}

// ADOPTIONS_PAGE is the adoptions asked for per request: as many as the
// server's complexity limit lets a page with evidence have.
const ADOPTIONS_PAGE = 200;

// adoptions reads a mechanism's adoptions, one per jurisdiction (its
// earliest year), its variants' included, with where each place sits. The
// server gives them a page at a time; this reads every page, so that the
// mechanism comes back with all of them.
export async function adoptions(name) {
  const all = [];
  let after = null;
  for (;;) {
    const d = await gql(
      `query($name: String!, $after: String) {
        mechanism(name: $name) {
          id name aliases
          adoptions(includeVariants: true, first: ${ADOPTIONS_PAGE}, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes {
              year status mechanism { name }
              jurisdiction { id name fullName code level parent { name level parent { name } } }
              evidence { ${SENTENCE} }
            }
          }
        }
      }`,
      { name, after },
    );
    const mech = d.mechanism;
    if (!mech) return mech;
    all.push(...mech.adoptions.nodes);
    if (!mech.adoptions.pageInfo.hasNextPage) return { ...mech, adoptions: all };
    after = mech.adoptions.pageInfo.endCursor;
  }
}

// spread asks for the inferred diffusion of a mechanism. The field comes
// with the diffusion analysis; a server without it answers with a
// validation error, and spread resolves to null.
export async function spread(name, fromYear, toYear) {
  try {
    const d = await gql(
      `query($name: String!, $fromYear: Int, $toYear: Int) {
        mechanismSpread(name: $name, fromYear: $fromYear, toYear: $toYear) {
          mechanism { name }
          adoptions { jurisdiction { name fullName } year }
          curve { year new count }
          edges {
            sourceKind source { name fullName } sourceDocument target { name fullName }
            sourceYear targetYear lag pathKind score evidence { sentence }
          }
        }
      }`,
      { name, fromYear, toYear },
    );
    return d.mechanismSpread;
  } catch (err) {
    if (/mechanismSpread|Cannot query field/i.test(err.message)) return null;
    throw err;
  }
}
