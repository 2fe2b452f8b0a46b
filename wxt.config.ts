import { defineConfig } from 'wxt';
import { CLOUD_HOST_PATTERNS, GMAIL_PATTERNS, OUTLOOK_PATTERNS } from './lib/sites/hosts';

// Public half of the signing key: pins the unpacked extension id so that managed policy files and
// tests can name it (https://developer.chrome.com/docs/extensions/reference/manifest/key).
// Id: haemgkbjeoldoiiaealfdkodcnagihdf
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoC44n8BNkiwDQ+kwJLfWLZxR0G/vCG2n6sAcP26tth+z2/5DnwngMz323J20lwudw9MthiOXAUozoXzt+LGB3WF1YGN9vci4tIWWjDCxRsT0dGhgVw24GRL/bZh9gZmUobENsMbjT55nNVsFsUsXD5yWD/pm0fMMiLwoUs9eb6ziHmyJXl2iclTC9A+butcPCM76bLwnDvxCtDDjay62+hZLIGJcUzYqOD1aK5KTmjTv3VTmmfFT6wB13jGddPOeQ0eNjKhsyDDAhlwQW5oG0997Rf2SMXGNV5XWfVf53sC1xXRs4nTcbXxRc2Q7IbfkJeh3JazkHQh1SZ6NGpjRPQIDAQAB';

export default defineConfig({
  // KA_OUT_DIR lets parallel builds (several engineers, or a bench beside the tests) use their own folders.
  outDir: process.env.KA_OUT_DIR ?? '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Keep Account',
    description:
      'Lapse risk, missing decision-makers and the next question to ask, beside Gmail, Outlook and your CRM. Local data only.',
    ...(browser === 'chrome' ? { key: MANIFEST_KEY } : {}),
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    host_permissions: [...GMAIL_PATTERNS, ...OUTLOOK_PATTERNS, ...CLOUD_HOST_PATTERNS],
    optional_host_permissions: ['https://*/*'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K', mac: 'Alt+Shift+K' },
        description: 'Show or hide the Keep Account sidebar',
      },
    },
    storage: { managed_schema: 'managed_schema.json' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    browser_specific_settings: {
      // optional_host_permissions (self-hosted CRMs) needs Firefox 128+.
      gecko: { id: 'keep-account@keep-account.local', strict_min_version: '128.0' },
    },
  }),
  zip: {
    // The sources zip (for store review) holds what builds the extension, not the test data or demo output.
    excludeSources: ['demo-output/**', 'docs/**', 'test-results/**', '.output*/**', 'tests/fixtures/**'],
  },
  vite: () => ({
    build: { sourcemap: false, assetsInlineLimit: 0 },
    worker: { format: 'es' as const },
  }),
});
