import { Router } from 'express';
import type { Login } from '../../auth/login.js';
import { jsonBody, type BodyBudget } from '../body.js';
import { validateBody } from '../validate.js';

/** a username and a password (contract: ≤ 64 and ≤ 128 characters) need no more than this */
const LOGIN_MAX_BYTES = 4 * 1024;

export function authRouter(login: Login, budget: BodyBudget): Router {
  const r = Router();
  r.post('/login', jsonBody({ limit: LOGIN_MAX_BYTES, budget }), validateBody('login'), async (req, res) => {
    const { token, expiresAt, clerk } = await login(req.body.username, req.body.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    res.json({ token, tokenType: 'Bearer', expiresAt, clerk });
  });
  return r;
}
