// @ts-check
/**
 * `npm run check:layers`: app/ folders depend one way (docs/decisions/043-one-way-folders.md).
 *
 *   top       routes, the operator CLI and the composition root (the entry points)
 *   features  admin, webhooks, checkout, account (never each other)
 *   sync      the jobs that carry Shopify events to Diller
 *   domain    loyalty, diller, shopify, shops, storefront, jobs, security, http, i18n
 *   base      lib and the app-wide singletons (db, env, logger, api version, lifecycle)
 *
 * A layer imports its own layer or the layers below. Tests and test helpers are left out of the
 * graph: they may import anything, and cannot hide or create a cycle among production files.
 */

const top = "^app/(routes/|cli/|entry\\.server\\.tsx$|root\\.tsx$|routes\\.ts$|shopify\\.server\\.ts$)";
const features = "^app/(admin|webhooks|checkout|account)/";
const sync = "^app/sync/";
const domain = "^app/(loyalty|diller|shopify|shops|storefront|jobs|security|http|i18n)/";
const base =
  "^app/(lib/|graphql/|types/|db\\.server\\.ts$|direct-sql\\.server\\.ts$|env\\.server\\.ts$|logger\\.server\\.ts$|api-version\\.ts$|lifecycle\\.server\\.ts$)";
const compositionRoot = "^app/shopify\\.server\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      severity: "error",
      comment: "Folders depend one way: a folder cycle means two concepts are tangled; move what ties them.",
      scope: "folder",
      from: { path: "^app/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      severity: "error",
      comment: "Modules that import each other at run time load in an order that depends on who comes first.",
      from: { path: "^(app|packages)/" },
      // A type-only import back (a dictionary naming its type) has no load order.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "every-app-module-in-a-layer",
      severity: "error",
      comment: "A new app/ folder or root file names its layer in .dependency-cruiser.cjs.",
      from: { path: "^app/", pathNot: [top, features, sync, domain, base] },
      to: {},
    },
    {
      name: "features-stay-below-top",
      severity: "error",
      comment: "Features (admin, webhooks, checkout, account) never import routes or the composition root.",
      from: { path: features },
      to: { path: top },
    },
    {
      name: "features-do-not-import-each-other",
      severity: "error",
      comment: "A feature shares code with another only through sync, domain or base.",
      from: { path: "^app/(admin|webhooks|checkout|account)/" },
      to: { path: features, pathNot: "^app/$1/" },
    },
    {
      name: "sync-stays-below-features",
      severity: "error",
      comment: "sync is called by features (webhooks, admin, cli); it never calls them.",
      from: { path: sync },
      to: { path: [top, features] },
    },
    {
      name: "domain-stays-below-sync",
      severity: "error",
      comment: "loyalty, diller, shopify and the other domain folders know nothing of sync, features or routes.",
      from: { path: domain },
      to: { path: [top, features, sync] },
    },
    {
      name: "base-stays-at-the-bottom",
      severity: "error",
      comment: "lib and the app-wide singletons import only each other.",
      from: { path: base },
      to: { path: "^app/", pathNot: base },
    },
    {
      name: "lib-imports-nothing-from-app",
      severity: "error",
      comment: "app/lib holds small generic tools: it imports nothing from app outside app/lib.",
      from: { path: "^app/lib/" },
      to: { path: "^app/", pathNot: "^app/lib/" },
    },
    {
      name: "only-top-imports-the-composition-root",
      severity: "error",
      comment: "app/shopify.server.ts wires everything; only routes, the CLI and the entry modules may use it.",
      from: { path: "^app/", pathNot: top },
      to: { path: compositionRoot },
    },
    {
      name: "packages-stand-alone",
      severity: "error",
      comment: "Packages are used by the app, never the reverse (docs/decisions/036-sandbox-package.md).",
      from: { path: "^packages/" },
      to: { path: "^app/" },
    },
  ],
  options: {
    // Tests, test helpers and generated code are not part of the layering.
    exclude: {
      path: [
        "\\.test\\.tsx?$",
        "\\.test-d\\.ts$",
        "/testing/",
        "/testing\\.ts$",
        "/test-support\\.ts$",
        "^tests/",
        "node_modules",
        "^prisma/generated/",
        "\\.d\\.ts$",
      ],
    },
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
