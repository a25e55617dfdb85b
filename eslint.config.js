// Flat config: TypeScript rules, no import cycles, React hooks and accessibility rules for the UI,
// and the architecture rule from DESIGN.md (only *.server.ts modules in app/ import db/ or search/).
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const serverOnlyImports = {
  patterns: [
    {
      regex: "^(#db/|#search/|(\\.\\./)+(db|search)/)",
      allowTypeImports: true,
      message: "Only *.server.ts modules in app/ may import db/ or search/ (they would leak into the browser bundle).",
    },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules", "build", "data", "bench/results", "playwright-report", "test-results", "public"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      "no-console": "error",
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...jsxA11y.flatConfigs.recommended.rules,
      // role="list" on styled lists is deliberate: Safari drops list semantics when list-style is none.
      "jsx-a11y/no-redundant-roles": ["error", { ul: ["list"], ol: ["list"] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", serverOnlyImports] },
  },
  {
    // Command-line scripts, benchmarks and tests talk to a terminal.
    files: ["scripts/**", "tests/**", "db/seed/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
);
