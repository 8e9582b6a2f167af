// The park's day is one fact for server and browser: web/src/shared/idle-clock.ts.
export { parkToday } from '../../web/src/shared/idle-clock'
