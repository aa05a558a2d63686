/** Dependency rules held in CI (npm run deps:check). */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-partners',
      comment: 'The core sees partners only through gateway/src/ports/partner.ts; the composition root (main.ts) reads the registry.',
      severity: 'error',
      from: { path: '^gateway/src', pathNot: '^gateway/src/main\\.ts$' },
      to: { path: '^partners/' },
    },
    {
      name: 'partner-not-to-partner',
      comment: 'No partner imports another partner (the shared simulator kit is not a partner).',
      severity: 'error',
      from: { path: '^partners/([0-9]{6}-[a-z]+)/' },
      to: { path: '^partners/([0-9]{6}-[a-z]+)/', pathNot: '^partners/$1/' },
    },
    {
      name: 'only-store-touches-lowdb',
      severity: 'error',
      // and each simulated partner's own state file (issue 11), written by the simulator process alone
      from: { path: '^(gateway|partners)/', pathNot: ['^gateway/src/store/', '^partners/_kit/sim-store\\.ts$'] },
      to: { path: 'node_modules/lowdb' },
    },
    {
      name: 'remote-window-not-to-gateway',
      comment: 'The remote window sees the gateway only through its port (remote-window/src/server/ports.ts); gateway/src/remote implements it.',
      severity: 'error',
      from: { path: '^remote-window/' },
      to: { path: '^gateway/src/', pathNot: '^gateway/src/ports/' },
    },
    {
      name: 'gateway-to-remote-window-through-its-index',
      comment: 'The gateway uses the remote window through its public index only.',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^remote-window/', pathNot: '^remote-window/src/server/index\\.ts$' },
    },
    {
      name: 'rw-server-not-to-browser-client',
      severity: 'error',
      from: { path: '^remote-window/src/server/' },
      to: { path: '^remote-window/src/client/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '(^|/)tsconfig\\.json$', '\\.test\\.ts$', '(^|/)main\\.ts$', '^contracts/generated/'] },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
