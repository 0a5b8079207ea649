import { isAbsolute, join, resolve } from 'node:path'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { repoRoot } from './lib/repo-root.ts'


export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Use 0.0.0.0 inside a container' }),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1, description: 'PostgreSQL; without it the embedded PGlite is used' })),
  DATA_DIR: Type.String({ default: join(repoRoot, 'data'), description: 'Folder of the embedded database' }),
  PUBLIC_ORIGIN: Type.Optional(Type.String({ pattern: '^https?://[^/]+$', description: 'The address people use, e.g. https://aktionsplan.jena.de; https makes cookies Secure' })),
  TRUST_PROXY: Type.Optional(Type.String({ description: 'Address of the reverse proxy whose X-Forwarded-For to trust' })),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, maximum: 168, default: 12 }),
  DEMO_DATA: Type.Boolean({ default: true, description: 'Load the Jena demo plan into an empty database' }),
  READ_CACHE: Type.Boolean({ default: true, description: 'Keep answers of public plan reads in memory until a write changes them' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  WEB_DIST: Type.String({ default: join(repoRoot, 'web', 'dist'), description: 'Built web app served at /' }),
  NODE_ENV: Type.String({ default: 'development' }),
  SECRET_KEY: Type.Optional(Type.String({ minLength: 32, description: 'At least 32 random characters; encrypts the client secrets of the cities\' identity providers' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'Mail server, e.g. smtp://user:pass@mail.example.org:587; without it mails are held in the outbox admins read' })),
  MAIL_FROM: Type.String({ default: 'ECCAR-Tracker <noreply@localhost>', description: 'Sender of every mail' }),
  JOBS: Type.Boolean({ default: true, description: 'Run the job queue (reminders, digests, sending) in this process; every instance may' }),
  MFA_REQUIRED: Type.Optional(Type.Enum(['none', 'admins', 'all'], {
    description: 'Who must use a second factor: nobody, city and platform administrators, or everyone. Default: admins when NODE_ENV=production, else none',
  })),
})
export type Config = Static<typeof EnvSchema>

/** Reads configuration from the environment once, at boot, and refuses to start on anything invalid. */
export function loadConfig (env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(Object.keys(EnvSchema.properties)
    .filter((key) => env[key] !== undefined && env[key] !== '')
    .map((key) => [key, env[key]]))
  const value = Value.Convert(EnvSchema, Value.Default(EnvSchema, known))
  const firstError = Value.Errors(EnvSchema, value)[0]
  if (firstError) throw new Error(`Invalid configuration: ${firstError.instancePath.slice(1)} ${firstError.message}`)
  const config = value as Config
  // npm runs scripts inside the workspace folder; a relative path means relative to where the user typed it.
  if (!config.DATA_DIR.startsWith('memory://') && !isAbsolute(config.DATA_DIR)) {
    config.DATA_DIR = resolve(env.INIT_CWD ?? process.cwd(), config.DATA_DIR)
  }
  config.PUBLIC_ORIGIN ??= `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`
  return config
}

/** Defaults for tests and tools: nothing from the environment, embedded memory database. */
export function testConfig (overrides: Partial<Config> = {}): Config {
  // The job queue is off by default in tests: those about mail start it, or call the jobs' functions directly.
  // The read cache is off by default in tests: they also change data directly through factories.
  return { ...loadConfig({}), DATA_DIR: 'memory://', DEMO_DATA: false, READ_CACHE: false, JOBS: false, LOG_LEVEL: 'silent', ...overrides }
}

export type SecondFactorRequirement = 'none' | 'admins' | 'all'

/** Who must use a second factor; resolved late so a test's NODE_ENV override changes the default too. */
export const secondFactorRequirement = (config: Config): SecondFactorRequirement =>
  config.MFA_REQUIRED ?? (config.NODE_ENV === 'production' ? 'admins' : 'none')
