// 405 for a path the contract defines, asked with a method it does not define (with Allow), instead of
// the 404 the router would give. Built from contracts/gateway.yaml, so it follows the contract.
import type { RequestHandler } from 'express';
import { GatewayError } from '../errors.js';
import type { Contract } from '../contracts/contract.js';

export function methodNotAllowed(contract: Contract): RequestHandler {
  const byPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const op of contract.operations()) {
    if (!op.path.startsWith('/')) continue; // webhooks are not paths of ours
    const entry = byPath.get(op.path) ?? {
      pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
      methods: new Set<string>(),
    };
    entry.methods.add(op.method);
    if (op.method === 'GET') entry.methods.add('HEAD');
    byPath.set(op.path, entry);
  }
  const entries = [...byPath.values()];
  return (req, res, next) => {
    const hit = entries.find((e) => e.pattern.test(req.path));
    if (!hit || hit.methods.has(req.method)) return next();
    const allow = [...hit.methods].join(', ');
    res.setHeader('Allow', allow);
    next(new GatewayError('METHOD_NOT_ALLOWED', `${req.method} 不适用于 ${req.path.slice(0, 200)}（可用：${allow}）`));
  };
}
