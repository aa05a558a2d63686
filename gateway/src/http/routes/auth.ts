import { Router } from 'express';
import type { createLogin } from '../../auth/login.js';
import { validateBody } from '../validate.js';

export function authRouter(login: ReturnType<typeof createLogin>): Router {
  const r = Router();
  r.post('/login', validateBody('login'), async (req, res) => {
    const { token, expiresAt, clerk } = await login(req.body.username, req.body.password);
    res.json({ token, tokenType: 'Bearer', expiresAt, clerk });
  });
  return r;
}
