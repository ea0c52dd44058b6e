import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "prisma/generated/**",
      "app/types/**",
      "packages/diller-contract/openapi.d.ts",
      "extensions/*/dist/**",
      "extensions/*/shopify.d.ts",
      ".shopify/**",
      "test-results/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // External data is parsed with zod, never asserted into shape.
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.tsx", "extensions/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
    },
  },
  {
    // Extensions run in Shopify's sandbox: Preact, Polaris web components, no server code.
    files: ["extensions/**/*.{ts,tsx}"],
    settings: { react: { version: "18.0" } },
    rules: {
      "react/no-unknown-property": "off",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "**/*.server.*", "~/*"],
              message: "Extensions cannot import app server code: they run in Shopify's sandbox.",
            },
            {
              group: ["react", "react-dom", "@shopify/ui-extensions-react*"],
              message:
                "Extensions use Preact and Polaris web components (see docs/decisions/004-preact-extensions.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // The Diller sandbox is its own package: the app and its tests depend on it, never the reverse.
    files: ["packages/diller-sandbox/**/*.ts", "packages/diller-contract/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/*", "**/app/**"],
              message: "Packages stand alone: no imports from the app (docs/decisions/036-sandbox-package.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // Browser bundles must never pull in server-only modules.
    files: ["app/**/*.tsx"],
    // Route modules have loaders and actions; the components beside them in a route folder do not.
    ignores: [
      "app/routes/*.tsx",
      "app/routes/**/route.tsx",
      "app/entry.server.tsx",
      "app/**/*.server.tsx",
      "app/**/*.test.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "**/*.server.*", "~/*.server"],
              message: "Components run in the browser; load server data in a route loader.",
            },
          ],
        },
      ],
    },
  },
  {
    // The bottom layer: small generic tools every part of the app may use; they use nothing of the app.
    files: ["app/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["~/*", "../*"], message: "app/lib is the bottom layer: it imports nothing from app." }],
        },
      ],
    },
  },
  prettier,
);
