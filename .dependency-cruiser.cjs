// Architecture checks (`npm run lint:arch`): the package and layer rules of Tumbuh's target layout.
// Packages: web -> @tumbuh/core only; core -> growth only; growth -> nothing.
// packages/server/src: http/routes -> http infra, services, core; http infra -> services, auth, core;
// http/app.ts (the composition root) -> db connection and keys too; services -> db, import, synth, auth,
// core, growth; import -> db, anthro-csv (its streaming CSV tokenizer), core, growth; db -> core, growth;
// auth -> core; cli -> services, db, import, auth, http (the app it serves), anthro-csv, synth;
// anthro-csv and pdf standalone; synth -> db; services -> pdf. Only db/ touches kysely, pg, pg-copy-streams, pg-protocol and PGlite.
// No cycles between modules at run time, nor (type imports included) between the top-level folders of
// packages/server/src.
//
// Test code (tests, test support, the browser suite) may cross layers: a route's test opens a database.
// Paths are regular expressions on paths from the repository root.

/** Tests, test support and benchmarks: left out of the cruise, so no rule applies to them. */
const TEST_CODE = [
  "\\.test\\.tsx?$",
  "(^|/)[^/]*test-support\\.ts$",
  "^packages/server/src/http/test-app\\.ts$",
  "^packages/growth/src/testing/",
  "^packages/web/e2e/",
  "^bench/",
];

const SERVER = "^packages/server/src/";
/** The folders of packages/server/src named by the target layout. */
const SERVER_FOLDERS = ["http", "services", "import", "db", "auth", "cli", "anthro-csv", "synth", "pdf"];

/** Modules of the data-layer libraries (and their @types packages), wherever npm placed them. */
const DATABASE_LIBRARIES =
  "(^|/)node_modules/(@types/)?(kysely|pg|pg-copy-streams|pg-protocol|@electric-sql/pglite)/";

/**
 * A rule forbidding modules under `from` to depend on the target folders' modules outside `allowed`
 * (a dependency on a folder outside the target layout is reported once, by server-target-folders).
 */
function serverLayer(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: "error",
    from: { path: `${SERVER}${from}` },
    to: {
      path: `${SERVER}(${SERVER_FOLDERS.join("|")})/`,
      pathNot: allowed.map((folder) => `${SERVER}${folder}`),
    },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- packages ----
    {
      name: "web-only-core",
      comment:
        "The web app uses @tumbuh/core (types, pure functions) and npm packages, never another package's files.",
      severity: "error",
      from: { path: "^packages/web/src/" },
      to: { path: "^packages/", pathNot: ["^packages/web/", "^packages/core/"] },
    },
    {
      name: "core-only-growth",
      comment:
        "@tumbuh/core is pure domain code: it may use @tumbuh/growth, never the server or the web app.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^packages/", pathNot: ["^packages/core/", "^packages/growth/"] },
    },
    {
      name: "growth-self-contained",
      comment: "@tumbuh/growth depends on nothing: no other package, no npm package.",
      severity: "error",
      from: { path: "^packages/growth/" },
      to: {
        pathNot: "^packages/growth/",
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "pure-packages-no-io",
      comment: "growth and core never do I/O: no file system, network, process or thread modules.",
      severity: "error",
      from: { path: "^packages/(growth|core)/src/" },
      to: {
        dependencyTypes: ["core"],
        path: "^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|readline|tls)$",
      },
    },

    // ---- packages/server/src ----
    {
      name: "server-target-folders",
      comment: `Server modules live in the folders of the target layout: ${SERVER_FOLDERS.join(", ")}.`,
      severity: "error",
      from: {},
      to: { path: SERVER, pathNot: SERVER_FOLDERS.map((folder) => `${SERVER}${folder}/`) },
    },
    {
      name: "database-libraries-only-in-db",
      comment:
        "Only packages/server/src/db imports kysely, pg, pg-copy-streams or PGlite (type-only imports too).",
      severity: "error",
      from: { pathNot: `${SERVER}db/` },
      to: { path: DATABASE_LIBRARIES },
    },
    {
      name: "route-not-route",
      comment: "A route module never imports another route module (routes/index.ts registers them all).",
      severity: "error",
      from: { path: `${SERVER}http/routes/`, pathNot: `${SERVER}http/routes/index\\.ts$` },
      to: { path: `${SERVER}http/routes/` },
    },
    serverLayer(
      "route-layer",
      "Routes are thin: parse, call one service, map. They import http infra, services and @tumbuh/core, never db/ or import/.",
      "http/routes/",
      ["http/[^/]+$", "http/routes/", "services/"],
    ),
    serverLayer(
      "http-layer",
      "http infra (context, errors, session hooks) imports routes, services and auth, never db/ or import/.",
      "http/(?!app\\.ts$)[^/]+$",
      ["http/", "services/", "auth/"],
    ),
    serverLayer(
      "http-app-composition",
      "http/app.ts builds the application: besides http infra, services and auth it opens nothing but takes the database and its keys (db/connection.ts, db/pii.ts).",
      "http/app\\.ts$",
      ["http/", "services/", "auth/", "db/connection\\.ts$", "db/pii\\.ts$"],
    ),
    serverLayer(
      "services-layer",
      "Services hold the business rules and never know about HTTP: they import db/ (repositories), import/ (the pipeline), synth/ (the demo's file), auth/, pdf/ (official documents) and other services only.",
      "services/",
      ["services/", "db/", "import/", "synth/", "auth/", "pdf/"],
    ),
    serverLayer(
      "import-layer",
      "The import pipeline imports db/ (its repositories) and the streaming CSV tokenizer of anthro-csv/, never services/, http/ or auth/.",
      "import/",
      ["import/", "db/", "anthro-csv/csv-lines\\.ts$"],
    ),
    serverLayer(
      "db-layer",
      "The data layer never imports services/, http/, import/ or cli/ (nor any other server folder).",
      "db/",
      ["db/"],
    ),
    serverLayer(
      "auth-layer",
      "auth/ holds pure access rules, password hashing and login throttling.",
      "auth/",
      ["auth/"],
    ),
    serverLayer(
      "cli-layer",
      "Commands import services, db, import, auth (the OPERATOR actor, the password policy), anthro-csv, synth and the HTTP app that `tumbuh serve` starts.",
      "cli/",
      ["cli/", "services/", "db/", "import/", "auth/", "anthro-csv/", "synth/", "http/"],
    ),
    serverLayer("anthro-csv-standalone", "anthro-csv is a standalone tool (CSV z-scores).", "anthro-csv/", [
      "anthro-csv/",
    ]),
    serverLayer(
      "pdf-standalone",
      "pdf/ renders official documents from a plain description; it knows no database or HTTP.",
      "pdf/",
      ["pdf/"],
    ),
    serverLayer("synth-layer", "synth (the synthetic file writer) may use db/ repositories only.", "synth/", [
      "synth/",
      "db/",
    ]),

    // ---- cycles ----
    {
      name: "no-circular",
      comment:
        "No circular dependencies between modules at run time (a cycle closed only by `import type` does not change load order; between folders it counts, below).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-server-folders",
      comment: "No cycle between the folders of packages/server/src (http and http/routes count as one).",
      severity: "error",
      scope: "folder",
      from: { path: `${SERVER}([^/]+)` },
      to: { circular: true, pathNot: `${SERVER}$1(/|$)` },
    },

    // ---- hygiene ----
    {
      name: "not-to-unresolvable",
      comment: "Every import resolves to a file or an installed package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: ["^packages/[^/]+/dist/", ...TEST_CODE] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
