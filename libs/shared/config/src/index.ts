export {
  loadConfig,
  ConfigError,
  DEV_JWT_SECRET,
  DEV_DATABASE_URL,
  DEFAULT_DEMO_PASSWORD,
  LOG_LEVELS,
  type AppConfig,
  type LogLevel,
  type NodeEnv,
} from './config';
