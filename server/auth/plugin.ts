import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import { Redis } from 'ioredis'
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import type { Config } from '../config'
import type { Database } from '../db/connect'
import { CsrfFailure, Forbidden, TooManyRequests, Unauthorized } from '../errors'
import { CLIENT_FILES_RULE, PUBLIC_WRITE_PER_MINUTE, isAllowed, isUnsafeMethod, ruleFor, type PolicyRule } from '../../web/src/shared/access-policy'
import { clearSessionCookies, type CookieSettings } from './session-cookies'
import { CSRF_HEADER, SESSION_COOKIE, csrfMatches, findSession, type SessionTimes, type SessionUser } from './sessions'

export interface AuthOptions {
  /** NODE_ENV=production: demo accounts cannot sign in, and their sessions are ignored. */
  production: boolean
  secureCookies: boolean
  session: SessionTimes
  /** Overrides the login rule's limit (tests that sign in many times); default from POLICY. */
  loginPerMinute?: number
  /**
   * REDIS_URL: rate-limit counters in Redis, so every instance counts the same minute (without
   * it each instance counts alone, and N instances allow N× the rate).
   */
  redisUrl?: string
  /** Prefix of the counters' keys in Redis (tests keep theirs apart); default `parkatlas:rate:`. */
  rateLimitNamespace?: string
}

export function authOptionsFrom(config: Config): AuthOptions {
  return {
    production: config.production,
    secureCookies: config.secureCookies,
    session: { idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds },
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or null for the anonymous public. Set before any handler runs. */
    user: SessionUser | null
    /** The session cookie's token when it named a live session. */
    sessionToken: string | null
  }
  interface FastifyContextConfig {
    /** The route's row of the access policy, attached when the route is registered. */
    access?: PolicyRule
  }
}

export function cookieSettings(opts: AuthOptions): CookieSettings {
  return { secure: opts.secureCookies, maxSeconds: opts.session.maxSeconds }
}

/** @fastify/static's routes: per-file ones carry their root; the wildcard one (files looked up per request) is `/*`. */
function isClientFile(route: RouteOptions, webRoot: string | undefined): boolean {
  if (webRoot === undefined) return false
  if (route.url === '/*') return true
  const root = (route.config as { rootPath?: string } | undefined)?.rootPath
  return root !== undefined && path.resolve(root) === path.resolve(webRoot)
}

/** The policy row of a route being registered; a route missing from POLICY stops the start-up. */
function policyRowOf(route: RouteOptions, webRoot: string | undefined): PolicyRule {
  if (isClientFile(route, webRoot)) return CLIENT_FILES_RULE
  const methods = [route.method].flat()
  const rules = new Set(methods.map((m) => ruleFor(m, route.url)))
  const [rule] = rules
  if (rules.size !== 1 || rule === undefined) {
    throw new Error(`route ${methods.join(',')} ${route.url} has no row in the access policy (web/src/shared/access-policy.ts POLICY): add one`)
  }
  return rule
}

function perMinuteOf(rule: PolicyRule, method: string, opts: AuthOptions): number | undefined {
  if (rule.path === '/api/auth/login' && opts.loginPerMinute !== undefined) return opts.loginPerMinute
  if (rule.perMinute !== undefined) return rule.perMinute
  return isUnsafeMethod(method) && rule.allow.includes('anonymous') ? PUBLIC_WRITE_PER_MINUTE : undefined
}

/**
 * Sessions, CSRF and the access policy, for every route of the app. Register before any route:
 * the onRoute hook attaches each route's policy row (and rate limit) as the route is added.
 */
export async function registerAuth(app: FastifyInstance, db: Database, opts: AuthOptions, webRoot?: string): Promise<void> {
  await app.register(fastifyCookie)
  app.decorateRequest('user', null)
  app.decorateRequest('sessionToken', null)

  app.addHook('onRoute', (route) => {
    const rule = policyRowOf(route, webRoot)
    const perMinute = perMinuteOf(rule, [route.method].flat()[0]!, opts)
    route.config = { ...route.config, access: rule, ...(perMinute === undefined ? {} : { rateLimit: { max: perMinute, timeWindow: 60_000 } }) }
  })

  // In Redis when REDIS_URL is set, shared by every instance; else per instance, in memory (README
  // "More than one machine"). A Redis that does not answer fails the limited routes (500) rather
  // than let a login burst through: the limit is a defence, not a convenience.
  const redis = opts.redisUrl ? new Redis(opts.redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: false }) : null
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())))
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: opts.rateLimitNamespace ?? 'parkatlas:rate:', skipOnError: false } : {}),
    keyGenerator: (req) => (req.user ? `user:${req.user.id}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, ctx) => new TooManyRequests(`too many requests: at most ${ctx.max} a minute; try again in ${ctx.after}`),
  })

  /** The account a session token signs in now, or null: none, ended, or a demo account in production. */
  const liveUser = async (token: string): Promise<SessionUser | null> => {
    const found = await findSession(db.pool, token, opts.session)
    return found && !(opts.production && found.user.is_demo) ? found.user : null
  }

  app.addHook('onRequest', async (req, reply) => {
    const rule = req.routeOptions.config.access
    if (rule === CLIENT_FILES_RULE) return
    const token = req.cookies[SESSION_COOKIE]
    if (token !== undefined) {
      const user = await liveUser(token)
      if (user) {
        req.user = user
        req.sessionToken = token
        // What a signed-in user gets depends on who they are: no shared cache may keep it.
        reply.header('cache-control', 'private, no-store')
      } else {
        clearSessionCookies(reply, cookieSettings(opts))
      }
    }
    if (rule === undefined) return // no such route: the not-found handler answers
    // Only a request that carries a live session can be forged: without one it has no authority to borrow.
    if (req.sessionToken !== null && isUnsafeMethod(req.method)) {
      const header = req.headers[CSRF_HEADER]
      if (!csrfMatches(req.sessionToken, typeof header === 'string' ? header : undefined)) {
        throw new CsrfFailure(`${req.method} needs the ${CSRF_HEADER} header: the value of the pa_csrf cookie`)
      }
    }
    assertAllowed(rule, req)
  })

  // A write's body may take up to the request timeout to arrive, and its account may be disabled,
  // demoted or signed out meanwhile: what the headers were allowed is asked again, from the
  // database, once the body is in and just before the route acts.
  app.addHook('preHandler', async (req) => {
    const rule = req.routeOptions.config.access
    if (rule === undefined || rule === CLIENT_FILES_RULE || req.sessionToken === null || !isUnsafeMethod(req.method)) return
    req.user = await liveUser(req.sessionToken)
    if (!req.user) req.sessionToken = null
    assertAllowed(rule, req)
  })
}

function assertAllowed(rule: PolicyRule, req: FastifyRequest): void {
  if (isAllowed(rule, req.user?.role)) return
  if (!req.user) throw new Unauthorized(`sign in first: ${req.method} ${rule.path} is not open to the public`)
  throw new Forbidden(`the ${req.user.role} role may not ${req.method} ${rule.path}`)
}
